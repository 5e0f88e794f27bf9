// Live updates: the server's events (Server-Sent Events) say when this article changed, by another reviewer, a lead
// or this reviewer in another tab; the page then fetches the article as it sees it and dispatches
// `mtr:article-changed`, which sync.js takes in.
import { data } from './state.js';
import { fetchArticle } from './sync.js';

/** The data version the page shows (the server's article revision). */
let shown = data.revision ?? 0;
let fetching = false;
let again = false;

/** Fetches the article once, and once more if another change came meanwhile; never two fetches at once. */
async function catchUp() {
  if (fetching) {
    again = true;
    return;
  }
  fetching = true;
  try {
    do {
      again = false;
      const article = await fetchArticle();
      if (article) document.dispatchEvent(new CustomEvent('mtr:article-changed', { detail: article }));
    } while (again);
  } finally {
    fetching = false;
  }
}

/** One event of the stream: `ready` on (re)connecting names the current revision, `change` a newer one. */
function heard(event) {
  let revision;
  try {
    ({ revision } = JSON.parse(event.data));
  } catch {
    return;
  }
  // null: the server may have missed changes (its database connection came back), so look.
  if (revision !== null && revision <= shown) return;
  if (revision !== null) shown = revision;
  void catchUp();
}

function open() {
  const source = new EventSource(`/api/articles/${encodeURIComponent(data.articleId)}/events`);
  source.addEventListener('ready', heard);
  source.addEventListener('change', heard);
  // A page left for another closes its stream; brought back from the back-forward cache, it opens a new one.
  addEventListener('pagehide', () => source.close(), { once: true });
}

/** Opens the article's event stream; the browser reconnects by itself when it drops (a restarted server). */
export function startLive() {
  if (typeof EventSource !== 'function') return;
  open();
  addEventListener('pageshow', (event) => {
    if (event.persisted) open();
  });
}
