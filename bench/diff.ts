// Benchmark of edit extraction: generated article pairs at 3% edits, against tokenising alone and diff-match-patch.
import DiffMatchPatch from 'diff-match-patch';
import { applyVerdicts, extractEdits, tokenize } from '../src/diff/index.ts';
import { articlePair, paragraph, random } from '../test/diff/generate-pairs.ts';
import { fixed, medianMs, printTable } from './measure.ts';

/** diff-match-patch in word mode: words mapped to characters (its line-mode trick), diffed, mapped back. */
function dmpWordDiff(dmp: DiffMatchPatch, a: string, b: string): number {
  const codes = new Map<string, string>();
  const encode = (text: string) =>
    tokenize(text)
      .map((token) => {
        let code = codes.get(token);
        if (code === undefined) {
          code = String.fromCharCode(codes.size + 1);
          codes.set(token, code);
        }
        return code;
      })
      .join('');
  return dmp.diff_main(encode(a), encode(b), false).length;
}

function pairOfWords(words: number, seed: number): { mt: string; corrected: string } {
  // Paragraphs of about 60 words, as in news; ~3% of the words edited.
  return articlePair(seed, Math.max(1, Math.round(words / 60)), 60, 0.03);
}

/** Prints the extraction times per size and their ratios to the floor (tokenising) and to diff-match-patch. */
export async function benchDiff(): Promise<void> {
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 0;
  const rows: (string | number)[][] = [];
  for (const words of [600, 6_000, 60_000]) {
    const { mt, corrected } = pairOfWords(words, words);
    // Small inputs need many warm-up runs before V8 has compiled the hot paths; large ones warm up on their own.
    const runs = words >= 60_000 ? 5 : 51;
    const warmup = words >= 60_000 ? 1 : words >= 6_000 ? 50 : 500;
    const edits = extractEdits(mt, corrected);
    const extract = medianMs(() => extractEdits(mt, corrected), runs, warmup);
    const floor = medianMs(() => [tokenize(mt), tokenize(corrected)], runs, warmup);
    const baseline = medianMs(() => dmpWordDiff(dmp, mt, corrected), runs, warmup);
    const actual = mt.split(/\s+/).length;
    rows.push([
      actual,
      edits.length,
      fixed(extract, 3),
      fixed(floor, 3),
      fixed(extract / floor, 1),
      fixed(baseline, 3),
      fixed(extract / baseline, 2),
    ]);
  }
  printTable(
    'Edit extraction (median ms; targets: 600 words < 1 ms, 60,000 words <= 0.5 x diff-match-patch)',
    ['words', 'edits', 'extract', 'tokenise', 'x floor', 'dmp-words', 'x dmp'],
    rows,
  );

  const rand = random(42);
  const unrelated = () => Array.from({ length: 100 }, () => paragraph(rand, 60)).join('\n\n');
  const mt = unrelated();
  const corrected = unrelated();
  const start = performance.now();
  const edits = extractEdits(mt, corrected);
  const ms = performance.now() - start;
  const lawHolds = applyVerdicts(mt, edits, new Map(), 'keep-correction') === corrected;
  console.log(
    `Pathological pair (two unrelated 6,000-word texts): ${fixed(ms, 1)} ms, ${edits.length} edits, round trip ${lawHolds ? 'holds' : 'BROKEN'} (target < 1000 ms)`,
  );
}
