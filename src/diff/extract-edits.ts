// MT vs corrected → edits: aligns paragraphs, diffs each pair word by word, and gives every edit a stable id.
import { createHash } from 'node:crypto';
import { alignParagraphs, type ParagraphOp } from './align-paragraphs.ts';
import { type DiffBudget, groupParagraphEdits } from './group-changes.ts';
import { type Paragraph, splitParagraphs } from './paragraphs.ts';
import type { Edit, EditOrigin } from './types.ts';

/** Options of `extractEdits`. */
export interface ExtractOptions {
  /** Mixed into every id, so that equal edits of two articles get different ids (the store passes the article id). */
  salt?: string;
  origin?: EditOrigin;
  /** Total time for the word diffs; past it the remaining paragraphs become coarse edits (the law still holds). */
  timeoutMs?: number;
}

/** An edit before its id and context: MT span, corrected span, paragraph. */
interface Span {
  mtStart: number;
  mtEnd: number;
  correctedStart: number;
  correctedEnd: number;
  paragraph: number;
}

const contextLength = 40;

/**
 * The edits that turn `mt` into `corrected`, in MT order. Applying all of them gives `corrected` exactly, none
 * gives `mt`; a removed or inserted paragraph is one edit that carries its blank-line separator.
 */
export function extractEdits(mt: string, corrected: string, options: ExtractOptions = {}): Edit[] {
  if (mt === corrected) return [];
  const deadline = Date.now() + (options.timeoutMs ?? 300);
  const budget = (): DiffBudget => ({ timeoutMs: Math.max(1, deadline - Date.now()), maxEditLength: 2000 });
  const m = splitParagraphs(mt);
  const c = splitParagraphs(corrected);
  const ops = alignParagraphs(
    m.paragraphs.map((p) => p.text),
    c.paragraphs.map((p) => p.text),
  );
  const spans: Span[] = [];
  const add = (mtStart: number, mtEnd: number, correctedStart: number, correctedEnd: number, paragraph: number) => {
    if (mt.slice(mtStart, mtEnd) !== corrected.slice(correctedStart, correctedEnd)) {
      spans.push({ mtStart, mtEnd, correctedStart, correctedEnd, paragraph });
    }
  };
  if (m.paragraphs.length === 0 || c.paragraphs.length === 0) {
    // One side is blank: there is nothing to align, and the whole text is one edit.
    add(0, mt.length, 0, corrected.length, 0);
    return withIdsAndContext(spans, mt, corrected, options);
  }
  add(0, m.lead.length, 0, c.lead.length, 0);
  walkAlignment(ops, m.paragraphs, c.paragraphs, { mt: m.lead.length, corrected: c.lead.length }, add, budget);
  return withIdsAndContext(spans, mt, corrected, options);
}

type AddSpan = (
  mtStart: number,
  mtEnd: number,
  correctedStart: number,
  correctedEnd: number,
  paragraph: number,
) => void;

/**
 * Emits the spans of every alignment step, consuming both texts in order from the cursors. A removed or inserted
 * paragraph takes the separator after it, except in the run after the last pair (the end run), where it takes the
 * one before: applied alone, it then leaves no blank line at the end and removes no paragraph break.
 */
function walkAlignment(
  ops: ParagraphOp[],
  mtParas: Paragraph[],
  correctedParas: Paragraph[],
  cursor: { mt: number; corrected: number },
  add: AddSpan,
  budget: () => DiffBudget,
): void {
  const lastPair = ops.findLastIndex((op) => op.kind === 'pair');
  const hasEndRun = lastPair >= 0 && lastPair < ops.length - 1;
  const after = (p: Paragraph) => p.end + p.after.length;
  let paragraph = 0;
  ops.forEach((op, index) => {
    const inEndRun = hasEndRun && index > lastPair;
    if (op.kind === 'pair') {
      const p = mtParas[op.mt] as Paragraph;
      const q = correctedParas[op.corrected] as Paragraph;
      paragraph = op.mt;
      const local = op.similar
        ? groupParagraphEdits(p.text, q.text, budget())
        : [{ mtStart: 0, mtEnd: p.text.length, correctedStart: 0, correctedEnd: q.text.length }];
      for (const e of local) {
        add(p.start + e.mtStart, p.start + e.mtEnd, q.start + e.correctedStart, q.start + e.correctedEnd, paragraph);
      }
      const keepSeparatorForEndRun = hasEndRun && index === lastPair;
      cursor.mt = keepSeparatorForEndRun ? p.end : after(p);
      cursor.corrected = keepSeparatorForEndRun ? q.end : after(q);
      if (!keepSeparatorForEndRun) add(p.end, cursor.mt, q.end, cursor.corrected, paragraph);
    } else if (op.kind === 'remove') {
      const p = mtParas[op.mt] as Paragraph;
      paragraph = op.mt;
      const end = inEndRun ? p.end : after(p);
      add(cursor.mt, end, cursor.corrected, cursor.corrected, paragraph);
      cursor.mt = end;
    } else {
      const q = correctedParas[op.corrected] as Paragraph;
      const end = inEndRun ? q.end : after(q);
      add(cursor.mt, cursor.mt, cursor.corrected, end, inEndRun ? paragraph : Math.min(paragraph + 1, mtParas.length));
      cursor.corrected = end;
    }
  });
  if (hasEndRun) {
    const mtEnd = mtParas.at(-1) as Paragraph;
    const correctedEnd = correctedParas.at(-1) as Paragraph;
    add(cursor.mt, after(mtEnd), cursor.corrected, after(correctedEnd), paragraph);
  }
}

/** Gives each span its texts, its context within the paragraph and an id derived from content, not position. */
function withIdsAndContext(spans: Span[], mt: string, corrected: string, options: ExtractOptions): Edit[] {
  const seen = new Map<string, number>();
  return spans.map((span) => {
    const mtText = mt.slice(span.mtStart, span.mtEnd);
    const correctedText = corrected.slice(span.correctedStart, span.correctedEnd);
    const before = mt.slice(Math.max(0, span.mtStart - contextLength), span.mtStart);
    const contextBefore = before.slice(before.lastIndexOf('\n\n') + 1).replace(/^\n/, '');
    const afterText = mt.slice(span.mtEnd, span.mtEnd + contextLength);
    const blank = afterText.indexOf('\n\n');
    const contextAfter = blank === -1 ? afterText : afterText.slice(0, blank);
    const hash = createHash('sha1')
      .update([options.salt ?? '', mtText, correctedText, contextBefore, contextAfter].join('\u0000'))
      .digest('base64url')
      .slice(0, 12);
    // Two identical edits in identical surroundings: number them in text order, which is stable too.
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return {
      id: occurrence === 1 ? hash : `${hash}-${occurrence}`,
      mtStart: span.mtStart,
      mtEnd: span.mtEnd,
      mtText,
      correctedText,
      correctedStart: span.correctedStart,
      correctedEnd: span.correctedEnd,
      paragraph: span.paragraph,
      contextBefore,
      contextAfter,
      origin: options.origin ?? 'post-edit',
    };
  });
}
