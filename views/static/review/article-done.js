// "Article done": once every edit is decided the notice shows, its link naming the next article to open (the
// next assigned to the reader with edits left, else the next they have not decided); an undo hides it again.
import { $, data, isDecided, on, text } from './state.js';

const notice = $('article-done');
const link = $('next-article');
let asked = false;

const done = () => data.edits.length > 0 && data.edits.every(isDecided);

// Names the next article in the link (without it the link still works: the server redirects to the next one).
async function nameNext() {
  if (asked || !link) return;
  asked = true;
  try {
    const response = await fetch(`/api/next-article?after=${encodeURIComponent(data.articleId)}`, {
      headers: { Accept: 'application/json' },
    });
    const { next } = await response.json();
    if (!next) {
      link.textContent = 'Nothing left to review: back to the articles';
      link.href = '/?filter=unreviewed';
      return;
    }
    link.href = next.url;
    link.replaceChildren(`Next article${next.reason === 'assigned' ? ' assigned to you' : ''}: `);
    link.append(text('strong', next.title || next.articleId), ' →');
  } catch {
    asked = false;
  }
}

function update() {
  if (!notice) return;
  notice.hidden = !done();
  if (!notice.hidden) void nameNext();
}

/** Starts following the verdicts. */
export function startArticleDone() {
  on('verdict', update);
  update();
}
