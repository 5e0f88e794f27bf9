// `mt-review score-mqm` run as a user runs it: the real bin on WMT MQM files, its output and exit codes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';

const tedSample = fileURLToPath(new URL('../fixtures/wmt-mqm/ted-ende.mqm.first2000.tsv', import.meta.url));

const run = (...args: string[]) => cli(args);

const folder = mkdtempSync(join(tmpdir(), 'mt-review-score-mqm-'));
// 500 words per segment, so that per-word models give sensible scores.
const target = `eins <v>zwei</v> ${'wort '.repeat(498).trim()}`;
const header = 'system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity\tcomment';
function ratings(name: string, rows: string[][]): string {
  const path = join(folder, name);
  const lines = rows.map(([system, seg, category, severity]) =>
    [system, 'talk.1', seg, seg, 'rater1', 'one two three', target, category, severity, ''].join('\t'),
  );
  writeFileSync(path, `${[header, ...lines].join('\n')}\n`);
  return path;
}

const small = ratings('small.tsv', [
  ['A', '1', 'Accuracy/Mistranslation', 'Major'],
  ['A', '2', 'Fluency/Punctuation', 'Minor'],
  ['B', '1', 'No-error', 'No-error'],
  ['B', '2', 'Accuracy/Mistranslation', 'Critical'],
]);

interface Scores {
  model: string;
  systems: { system: string; score: number; segments: number; pass?: boolean }[];
  segments: { system: string; segId: string; score: number }[];
}

describe('mt-review score-mqm', () => {
  it('prints WMT segment and system scores as JSON by default', async () => {
    const { code, stdout } = await run('score-mqm', small, '--json');
    expect(code).toBe(0);
    const scores = JSON.parse(stdout) as Scores;
    expect(scores.model).toBe('wmt');
    expect(scores.segments.map(({ system, segId, score }) => [system, segId, score])).toEqual([
      ['A', '1', 5],
      ['A', '2', 0.1],
      ['B', '1', 0],
      ['B', '2', 25],
    ]);
    expect(scores.systems.map(({ system, score }) => [system, score])).toEqual([
      ['A', 2.55],
      ['B', 12.5],
    ]);
  });

  it('scores with --model mqm2, failing the system with a critical error', async () => {
    const { code, stdout } = await run('score-mqm', small, '--model', 'mqm2', '--json');
    expect(code).toBe(0);
    const { systems } = JSON.parse(stdout) as Scores;
    // 1000 words per system: A has 6 points (score 94, passes), B one critical error (25 points, score 75).
    expect(systems.map(({ system, score, pass }) => [system, score, pass])).toEqual([
      ['A', 94, true],
      ['B', 75, false],
    ]);
  });

  it('prints a system table and segment lines without --json', async () => {
    const { code, stdout } = await run('score-mqm', tedSample);
    expect(code).toBe(0);
    expect(stdout).toContain('WMT / Google MQM: 14 systems, 1651 segments');
    expect(stdout).toContain('Facebook-AI\t1.019\t118\t0/15/47/0\n');
    expect(stdout).toContain('Facebook-AI\t1\t1.000\t1\t0/0/1/0\n');
  });

  it('fails with exit 1 naming the file and line of an unknown severity', async () => {
    const bad = ratings('bad.tsv', [
      ['A', '1', 'No-error', 'No-error'],
      ['A', '2', 'Style/Awkward', 'Severe'],
    ]);
    const { code, stderr } = await run('score-mqm', bad);
    expect(code).toBe(1);
    expect(stderr).toContain(`${bad}:3: unknown severity "Severe"`);
  });

  it('fails with exit 1 naming a missing file', async () => {
    const missing = join(folder, 'missing.tsv');
    const { code, stderr } = await run('score-mqm', missing);
    expect(code).toBe(1);
    expect(stderr).toContain(missing);
  });

  it('exits 2 on an unknown model or flag', async () => {
    const model = await run('score-mqm', small, '--model', 'bleu');
    expect(model.code).toBe(2);
    expect(model.stderr).toContain('unknown model "bleu"');
    const flag = await run('score-mqm', small, '--verbose');
    expect(flag.code).toBe(2);
  });
});
