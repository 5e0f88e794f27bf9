// `mt-review ter` run as a user runs it: the real bin on line-parallel files, its output and exit codes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TerOptions } from '../../src/metrics/ter.ts';
import { cli } from '../support/cli.ts';
import { terVectors } from '../support/ter-vectors.ts';

const run = (...args: string[]) => cli(args);

const folder = mkdtempSync(join(tmpdir(), 'mt-review-ter-'));
function file(name: string, lines: string[]): string {
  const path = join(folder, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

// Case 7 of sacrebleu's vectors would do, but these two lines exercise a shift and case folding in one run.
const hyp = file('hyp.txt', ['The Cat sat on the mat.', 'd e f g h a b c']);
const ref = file('ref.txt', ['the cat sat on the mat .', 'a b c d e f g h']);
const ref2 = file('ref2.txt', ['the cat sat on the mat.', 'a b c d e f g h x']);
const short = file('short.txt', ['only one line']);

describe('mt-review ter', () => {
  it('prints corpus TER as JSON', async () => {
    const { code, stdout } = await run('ter', '--hyp', hyp, '--ref', ref, '--json');
    expect(code).toBe(0);
    // Line 1: "mat." vs "mat ." is a substitution and an insertion; line 2: one shift. 3 edits over 15 words.
    expect(JSON.parse(stdout)).toEqual({ score: 20, edits: 3, refLength: 15 });
  });

  it('applies --normalized, --case-sensitive and --no-punct', async () => {
    const normalized = await run('ter', '--hyp', hyp, '--ref', ref, '--json', '--normalized');
    expect(JSON.parse(normalized.stdout)).toMatchObject({ edits: 1 });
    const cased = await run('ter', '--hyp', hyp, '--ref', ref, '--json', '--normalized', '--case-sensitive');
    expect(JSON.parse(cased.stdout)).toMatchObject({ edits: 3 });
    const noPunct = await run('ter', '--hyp', hyp, '--ref', ref, '--json', '--no-punct');
    // Without punctuation line 1 matches; line 2 keeps its shift.
    expect(JSON.parse(noPunct.stdout)).toMatchObject({ edits: 1, refLength: 14 });
  });

  it('takes the closest of several references and their mean length', async () => {
    const { code, stdout } = await run('ter', '--hyp', hyp, '--ref', ref, '--ref', ref2, '--json');
    expect(code).toBe(0);
    // Line 1: ref2 matches (0 edits), lengths 7 and 6; line 2: ref is closer (1 edit), lengths 8 and 9.
    const result = JSON.parse(stdout) as { score: number; edits: number; refLength: number };
    expect(result).toMatchObject({ edits: 1, refLength: 15 });
    expect(result.score).toBeCloseTo(100 / 15, 9);
  });

  it('prints a short line without --json', async () => {
    const { code, stdout } = await run('ter', '--hyp', hyp, '--ref', ref);
    expect(code).toBe(0);
    expect(stdout).toBe('TER = 20.00 (3 edits, 15 reference words)\n');
  });

  it('fails with exit 1 naming both files when their line counts differ', async () => {
    const { code, stderr } = await run('ter', '--hyp', hyp, '--ref', short);
    expect(code).toBe(1);
    expect(stderr).toContain(`${hyp} has 2 lines but ${short} has 1`);
  });

  it('fails with exit 1 naming a missing file', async () => {
    const missing = join(folder, 'missing.txt');
    const { code, stderr } = await run('ter', '--hyp', hyp, '--ref', missing);
    expect(code).toBe(1);
    expect(stderr).toContain(missing);
  });

  it('exits 2 on an unknown flag or a missing --ref', async () => {
    const unknown = await run('ter', '--hyp', hyp, '--ref', ref, '--tokenize', 'intl');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--tokenize');
    const noRef = await run('ter', '--hyp', hyp);
    expect(noRef.code).toBe(2);
    expect(noRef.stderr).toContain('missing --ref FILE');
  });
});

const flags = (options: TerOptions) => [
  ...(options.caseSensitive ? ['--case-sensitive'] : []),
  ...(options.normalized ? ['--normalized'] : []),
  ...(options.noPunct ? ['--no-punct'] : []),
];

describe("mt-review ter on sacrebleu's vectors", () => {
  it('has all 13 vectors, three of them with an empty hypothesis or reference', () => {
    expect(terVectors).toHaveLength(13);
    const empty = terVectors.filter((v) => [...v.hyp, ...v.refs.flat()].some((line) => line === ''));
    expect(empty.map((v) => v.id)).toEqual([3, 4, 5]);
  });

  // An empty line is a segment like any other: a file of empty lines is not an empty file.
  it.each(terVectors.map((vector) => [vector.id, vector] as const))(
    'reproduces case %i from files',
    async (id, vector) => {
      const hypPath = file(`vector-${id}.hyp`, vector.hyp);
      const refArgs = vector.refs.flatMap((lines, index) => ['--ref', file(`vector-${id}.ref${index}`, lines)]);
      const { code, stdout, stderr } = await run(
        'ter',
        '--hyp',
        hypPath,
        ...refArgs,
        ...flags(vector.options),
        '--json',
      );
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const result = JSON.parse(stdout) as { score: number; edits: number; refLength: number };
      expect(Math.abs(result.score - vector.score)).toBeLessThan(1e-3);
      if (vector.edits !== undefined) expect(result.edits).toBe(vector.edits);
      if (vector.refLength !== undefined) expect(result.refLength).toBeCloseTo(vector.refLength, 9);
    },
  );

  it('fails with exit 1 on a file with no lines at all (0 bytes), naming it', async () => {
    const none = join(folder, 'none.txt');
    writeFileSync(none, '');
    const { code, stderr } = await run('ter', '--hyp', none, '--ref', none);
    expect(code).toBe(1);
    expect(stderr).toContain(`${none}: no lines to score`);
  });
});
