// `mt-review diff` run as a user runs it: the real bin, its output and exit codes.
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';

const seed = ['corpus/lavrov-in-china/mt.txt', 'corpus/lavrov-in-china/corrected.txt'];

const run = (...args: string[]) => cli(args);

describe('mt-review diff', () => {
  it('prints JSON edits whose offsets index the MT as loaded', async () => {
    const { code, stdout } = await run('diff', ...seed, '--json');
    expect(code).toBe(0);
    const { edits } = JSON.parse(stdout) as { edits: { id: string; mtStart: number; mtEnd: number; mtText: string }[] };
    expect(edits).toHaveLength(22);
    expect(Object.keys(edits[0] ?? {}).slice(0, 5)).toEqual(['id', 'mtStart', 'mtEnd', 'mtText', 'correctedText']);
    expect(edits[1]).toMatchObject({ mtStart: 20, mtEnd: 23, mtText: 'Of:' });
  });

  it('prints a numbered plain word diff when piped', async () => {
    const { code, stdout } = await run('diff', ...seed);
    expect(code).toBe(0);
    expect(stdout).toContain(' 2  3:1     …[-Of:-]{+By+} Marvin Ziegele…');
    expect(stdout).not.toContain('\x1b[');
    expect(stdout.trimEnd().endsWith('22 edits')).toBe(true);
  });

  it('fails with exit 1 and names a missing file', async () => {
    const { code, stderr } = await run('diff', 'corpus/lavrov-in-china/mt.txt', 'no/such.txt');
    expect(code).toBe(1);
    expect(stderr).toBe('mt-review diff: no/such.txt: file not found\n');
  });

  it('fails with exit 1 on a file that is not UTF-8', async () => {
    const { code, stderr } = await run('diff', 'test/fixtures/bad-corpus/latin1-mt/mt.txt', seed[1] as string);
    expect(code).toBe(1);
    expect(stderr).toMatch(/latin1-mt\/mt\.txt: not valid UTF-8/);
  });

  it('exits 2 with the usage on a usage error', async () => {
    for (const args of [
      ['diff', 'one.txt'],
      ['diff', ...seed, '--colour'],
    ]) {
      const { code, stderr } = await run(...args);
      expect(code).toBe(2);
      expect(stderr).toContain('Usage: mt-review diff MT_FILE CORRECTED_FILE');
    }
    expect((await run('nonsense')).code).toBe(2);
  });

  it('prints help on the command and on the subcommand', async () => {
    const top = await run('--help');
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('diff         the edits between an MT file and its corrected version');
    const sub = await run('diff', '--help');
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('--json');
  });
});
