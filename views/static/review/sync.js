// Brings the page's edits up to date with the server after a verdict, an undo, or a change made elsewhere: their
// outcomes (which others' verdicts decide too) and the verdicts shown.
import { data, editById, emit } from './state.js';

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** Takes the edits of an article JSON (GET /api/articles/:id) into the page; each edit that changed is redrawn. */
export function takeArticle(article) {
  for (const fresh of article.edits ?? []) {
    const edit = editById.get(fresh.id);
    if (!edit) continue;
    const changed =
      !same(edit.outcome, fresh.outcome) ||
      !same(edit.current, fresh.verdicts) ||
      !same(edit.adjudication, fresh.adjudication);
    if (!changed) continue;
    Object.assign(edit, { outcome: fresh.outcome, current: fresh.verdicts, adjudication: fresh.adjudication });
    emit('verdict', { edit });
  }
}

/** The article as this page sees it (GET /api/articles/:id, a lead's page maybe as one reviewer), or undefined. */
export async function fetchArticle() {
  const query = data.viewer && data.lead ? `?reviewer=${encodeURIComponent(data.viewer)}` : '';
  try {
    const response = await fetch(`/api/articles/${encodeURIComponent(data.articleId)}${query}`, {
      headers: { Accept: 'application/json' },
    });
    return response.ok ? await response.json() : undefined;
  } catch {
    return undefined;
  }
}

/** Fetches the article as this page sees it and takes it in; false when the server could not say. */
export async function refresh() {
  const article = await fetchArticle();
  if (!article) return false;
  takeArticle(article);
  return true;
}

/** Starts listening for changes announced by the live updates (an `mtr:article-changed` event with the article). */
export function startSync() {
  document.addEventListener('mtr:article-changed', (event) => {
    if (event.detail?.id === data.articleId) takeArticle(event.detail);
  });
}
