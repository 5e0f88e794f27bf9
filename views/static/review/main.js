// The review page's script: starts each feature module. The page works without it; each module enhances one part.
import { startArticleDone } from './article-done.js';
import { startColumns } from './columns.js';
import { startFilters } from './filters.js';
import { startInlineEdit } from './inline-edit.js';
import { startKeys } from './keys.js';
import { startLive } from './live.js';
import { startMarks } from './marks.js';
import { startPanel } from './panel.js';
import { startPreview } from './preview.js';
import { data, editById, select } from './state.js';
import { startSync } from './sync.js';
import { startTextSelection } from './text-selection.js';
import { startVerdicts } from './verdicts.js';

document.documentElement.classList.add('js');
startMarks();
startPanel();
startVerdicts();
startPreview();
startFilters();
startColumns();
startInlineEdit();
startTextSelection();
startKeys();
startSync();
startArticleDone();
startLive();

// A click on a mark selects its edit in place (without JavaScript the link reloads the page on it).
document.querySelector('.side-by-side')?.addEventListener('click', (event) => {
  const mark = event.target.closest('a.edit');
  if (!mark) return;
  event.preventDefault();
  // A drag that ends on a mark selects text; it is not a click on the mark.
  if (getSelection().isCollapsed) select(data.edits.indexOf(editById.get(mark.dataset.edit)), { focus: true });
});
