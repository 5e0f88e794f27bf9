// applyVerdicts: each decision and the undecided policy, on the seed article's edits.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { amendedReplacement, applyVerdicts, type Decision, extractEdits } from '../../src/diff/index.ts';

const mt = 'Of: Marvin Ziegele\n\nRussian Foreign Minister Sergei Lavrov met Wang Yi. © IMago Images';
const corrected = 'By Marvin Ziegele\n\nRussian Foreign Minister Sergey Lavrov met Wang Yi. © Imago Images';
const edits = extractEdits(mt, corrected);
const [byline, sergey, imago] = edits.map((e) => e.id) as [string, string, string];

describe('applyVerdicts', () => {
  it('applies accepted corrections, keeps the MT for rejected ones, uses the amended text', () => {
    const decisions = new Map<string, Decision>([
      [byline, { decision: 'accept' }],
      [sergey, { decision: 'reject' }],
      [imago, { decision: 'amend', amendedText: 'IMAGO' }],
    ]);
    expect(applyVerdicts(mt, edits, decisions, 'keep-correction')).toBe(
      'By Marvin Ziegele\n\nRussian Foreign Minister Sergei Lavrov met Wang Yi. © IMAGO Images',
    );
  });

  it('follows the policy for undecided edits', () => {
    const decisions = new Map<string, Decision>([[byline, { decision: 'accept' }]]);
    expect(applyVerdicts(mt, edits, decisions, 'keep-mt')).toBe(
      'By Marvin Ziegele\n\nRussian Foreign Minister Sergei Lavrov met Wang Yi. © IMago Images',
    );
    expect(applyVerdicts(mt, edits, decisions, 'keep-correction')).toBe(corrected);
  });

  it('refuses overlapping edits instead of producing garbled text', () => {
    const overlapping = [edits[0], { ...edits[0], id: 'x', mtStart: 1, mtEnd: 2 }] as typeof edits;
    expect(() => applyVerdicts(mt, overlapping, new Map(), 'keep-correction')).toThrow(/overlaps/);
  });

  it('rebuilds the seed article from its post-edit', () => {
    const seed = readFileSync(new URL('../../corpus/lavrov-in-china/mt.txt', import.meta.url), 'utf8');
    const post = readFileSync(new URL('../../corpus/lavrov-in-china/corrected.txt', import.meta.url), 'utf8');
    expect(applyVerdicts(seed, extractEdits(seed, post), new Map(), 'keep-correction')).toBe(post);
  });

  it('keeps the blank line or spaces a span carries when it is amended', () => {
    const text = 'Of: Marvin Ziegele\n\nsplit\n\nRussia’s foreign minister.';
    const edits = extractEdits(text, 'Of: Marvin Ziegele\n\nRussia’s foreign minister.');
    expect(edits.map((e) => e.mtText)).toEqual(['split\n\n']);
    const amended = new Map<string, Decision>([[edits[0]?.id as string, { decision: 'amend', amendedText: 'Share' }]]);
    expect(applyVerdicts(text, edits, amended, 'keep-mt')).toBe(
      'Of: Marvin Ziegele\n\nShare\n\nRussia’s foreign minister.',
    );
  });
});

describe('amendedReplacement', () => {
  it('puts the typed text between the span’s edge whitespace; empty deletes; whitespace spans as typed', () => {
    expect(amendedReplacement(' China*', 'Beijing')).toBe(' Beijing');
    expect(amendedReplacement('use ', ' used ')).toBe('used ');
    expect(amendedReplacement('IMago', 'IMAGO')).toBe('IMAGO');
    expect(amendedReplacement('split\n\n', '')).toBe('');
    expect(amendedReplacement('\n', '\n\n')).toBe('\n\n');
  });
});
