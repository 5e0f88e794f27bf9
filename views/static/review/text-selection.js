// MT text chosen with the mouse or with Shift+arrows, as exact offsets of the MT. Each MT cell says where its
// paragraph starts and ends; its text nodes are the MT as it is, and each mark stands for its edit's span.
import { closeInlineEdit, focusInlineEdit, openInlineEdit } from './inline-edit.js';
import { data, editById, mtMarkOf, on, selectedEdit } from './state.js';

let caret = null; // { cell, anchor, focus }: MT offsets within one cell

/** The cell's pieces in order: text nodes and marks, each with the MT span [start, end) it stands for. */
function piecesOf(cell) {
  const end = Number(cell.dataset.end);
  let at = Number(cell.dataset.start);
  const pieces = [];
  for (const node of cell.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      pieces.push({ node, start: at, end: at + node.length, mark: false });
      at += node.length;
    } else if (node.matches?.('a.edit')) {
      const edit = editById.get(node.dataset.edit);
      const start = Math.max(at, Math.min(edit.mtStart, end));
      at = Math.max(start, Math.min(edit.mtEnd, end));
      pieces.push({ node, start, end: at, mark: true });
    }
  }
  return pieces;
}

/** The MT offset of a DOM point in an MT cell's text, or null (inside a mark, or outside the MT column). */
function offsetOf(node, offset) {
  const cell = (node.nodeType === Node.TEXT_NODE ? node.parentElement : node)?.closest?.('td.mt');
  if (!cell) return null;
  const pieces = piecesOf(cell);
  if (node === cell) {
    const child = cell.childNodes[offset];
    return { cell, at: child ? pieces.find((p) => p.node === child).start : Number(cell.dataset.end) };
  }
  const piece = pieces.find((p) => p.node === node && !p.mark);
  return piece ? { cell, at: piece.start + offset } : null;
}

function pointAt(cell, at) {
  const pieces = piecesOf(cell);
  const inText = pieces.find((p) => !p.mark && p.start <= at && at <= p.end);
  if (inText) return [inText.node, at - inText.start];
  const next = pieces.findIndex((p) => p.start >= at);
  return [cell, next === -1 ? cell.childNodes.length : [...cell.childNodes].indexOf(pieces[next].node)];
}

/** Where a selection from `anchor` may reach without touching the inside of a mark: [lo, hi]. */
function reach(cell, anchor) {
  const marks = piecesOf(cell).filter((p) => p.mark);
  const lo = Math.max(
    Number(cell.dataset.start),
    ...marks.filter((m) => m.end <= anchor && m.start < anchor).map((m) => m.end),
  );
  const hi = Math.min(
    Number(cell.dataset.end),
    ...marks.filter((m) => m.start >= anchor && m.end > anchor).map((m) => m.start),
  );
  return [lo, hi];
}

function step(at, forward, byWord, [lo, hi]) {
  let next = at + (forward ? 1 : -1);
  if (/[\uDC00-\uDFFF]/.test(data.mt[forward ? next : at - 1] ?? '')) next += forward ? 1 : -1;
  if (byWord) {
    const text = forward ? data.mt.slice(at, hi) : data.mt.slice(lo, at);
    const run = forward ? /^[^\p{L}\p{N}]*[\p{L}\p{N}]+/u.exec(text) : /[\p{L}\p{N}]+[^\p{L}\p{N}]*$/u.exec(text);
    next = run ? at + (forward ? run[0].length : -run[0].length) : forward ? hi : lo;
  }
  return Math.max(lo, Math.min(hi, next));
}

const visibleCells = () => [...document.querySelectorAll('.side-by-side td.mt')].filter((c) => !c.closest('tr').hidden);

// The keyboard's selection starts at the selected edit: after it (Shift+→) or before it (Shift+←).
function startCaret(forward) {
  const mark = selectedEdit() && mtMarkOf(selectedEdit());
  const cell = mark && !mark.closest('tr').hidden ? mark.closest('td') : visibleCells()[0];
  if (!cell) return null;
  const piece = piecesOf(cell).find((p) => p.node === mark);
  const at = piece ? (forward ? piece.end : piece.start) : Number(cell.dataset.start);
  return { cell, anchor: at, focus: at };
}

function render() {
  const [anchorNode, anchorOffset] = pointAt(caret.cell, caret.anchor);
  const [focusNode, focusOffset] = pointAt(caret.cell, caret.focus);
  getSelection().setBaseAndExtent(anchorNode, anchorOffset, focusNode, focusOffset);
  const range = getSelection().getRangeAt(0);
  const rect = range.getBoundingClientRect();
  const marker = document.getElementById('text-caret');
  marker.hidden = caret.anchor !== caret.focus || rect.height === 0;
  Object.assign(marker.style, {
    top: `${rect.top + scrollY}px`,
    left: `${rect.left + scrollX}px`,
    height: `${rect.height}px`,
  });
  (focusNode.nodeType === Node.TEXT_NODE ? focusNode.parentElement : focusNode).scrollIntoView({ block: 'nearest' });
  if (caret.anchor === caret.focus) return closeInlineEdit();
  const start = Math.min(caret.anchor, caret.focus);
  openInlineEdit({ start, end: Math.max(caret.anchor, caret.focus) }, rect, { focus: false });
}

function clear() {
  if (!caret) return;
  caret = null;
  document.getElementById('text-caret').hidden = true;
  getSelection().removeAllRanges();
  closeInlineEdit();
}

function moveToCell(down) {
  const cells = visibleCells();
  const cell = cells[cells.indexOf(caret.cell) + (down ? 1 : -1)];
  if (!cell) return;
  const at = Number(cell.dataset.start);
  caret = { cell, anchor: at, focus: at };
}

function moveCaret({ key, shiftKey, ctrlKey }) {
  if (key === 'ArrowDown' || key === 'ArrowUp') return moveToCell(key === 'ArrowDown');
  const cell = caret.cell;
  const bounds = shiftKey ? reach(cell, caret.anchor) : [Number(cell.dataset.start), Number(cell.dataset.end)];
  const forward = key === 'ArrowRight';
  let next = key === 'Home' ? bounds[0] : key === 'End' ? bounds[1] : step(caret.focus, forward, ctrlKey, bounds);
  // A caret moved without Shift jumps over a mark instead of stopping inside it.
  const inside = !shiftKey && piecesOf(cell).find((p) => p.mark && p.start < next && next < p.end);
  if (inside) next = forward ? inside.end : inside.start;
  caret = { cell, focus: next, anchor: shiftKey ? caret.anchor : next };
}

const moveKeys = ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home', 'End'];

/** Handles a key that starts, moves or extends the keyboard's selection in the MT; true when it did. */
export function handleSelectionKey(event) {
  if (caret && event.key === 'Escape') {
    clear();
    return true;
  }
  if (caret && event.key === 'Enter') {
    focusInlineEdit();
    return true;
  }
  if (!moveKeys.includes(event.key) || (!caret && !(event.shiftKey && event.key.startsWith('Arrow')))) return false;
  caret ??= startCaret(event.key !== 'ArrowLeft' && event.key !== 'ArrowUp');
  if (!caret) return false;
  moveCaret(event);
  render();
  return true;
}

// A selection made with the mouse: corrected at once when it lies in one MT paragraph, outside the marks.
function onMouseUp() {
  const selection = getSelection();
  if (selection.isCollapsed || selection.rangeCount === 0) return;
  const from = offsetOf(selection.anchorNode, selection.anchorOffset);
  const to = offsetOf(selection.focusNode, selection.focusOffset);
  const touchesMt = [selection.anchorNode, selection.focusNode].some((n) =>
    (n.nodeType === 1 ? n : n.parentElement)?.closest('td.mt'),
  );
  if (!touchesMt) return;
  const rect = selection.getRangeAt(0).getBoundingClientRect();
  if (!from || !to || from.cell !== to.cell) {
    caret = null;
    return openInlineEdit(
      { error: 'Select text within one paragraph of the machine translation, outside the marked edits.' },
      rect,
      { focus: true },
    );
  }
  caret = { cell: from.cell, anchor: from.at, focus: to.at };
  openInlineEdit({ start: Math.min(from.at, to.at), end: Math.max(from.at, to.at) }, rect, { focus: true });
}

/** Starts the mouse's and the keyboard's selection; another edit selected ends a keyboard selection. */
export function startTextSelection() {
  const marker = document.createElement('div');
  marker.id = 'text-caret';
  marker.hidden = true;
  document.body.append(marker);
  document.querySelector('.side-by-side')?.addEventListener('mouseup', () => setTimeout(onMouseUp));
  on('select', clear);
}
