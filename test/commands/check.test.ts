// Tests for the `mt-review check` command, run as a real process.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';

const run = (...args: string[]) => cli(['check', ...args]);

describe('mt-review check', () => {
  it('prints the findings as JSON with offsets into the text as loaded (BOM and CRLF removed)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-'));
    const file = join(dir, 'mt.txt');
    writeFileSync(file, '\uFEFFHome page politics\r\n\r\nRussia* and China* met.\r\n');
    const { code, stdout } = await run(file, '--json');
    expect(code).toBe(0);
    const { findings } = JSON.parse(stdout) as { findings: Array<Record<string, unknown>> };
    expect(Object.keys(findings[0] ?? {})).toEqual([
      'check',
      'start',
      'end',
      'text',
      'suggestion',
      'category',
      'severity',
      'message',
      'confidence',
    ]);
    for (const f of findings) expect(f.confidence).toBeGreaterThan(0);
    expect(findings.map((f) => [f.check, f.start, f.text])).toEqual([
      ['breadcrumb', 0, 'Home page politics\n\n'],
      ['link-marker', 26, '*'],
      ['link-marker', 37, '*'],
    ]);
  });

  it('lists findings with line:column and suggestion for people', async () => {
    const { code, stdout } = await run('test/fixtures/checks/seed-lavrov.txt');
    expect(code).toBe(0);
    expect(stdout).toContain('seed-lavrov.txt:19:26  name-variant');
    expect(stdout).toContain('"Sergei" → "Sergey"');
  });

  it('prints recall and precision per check with --eval', async () => {
    const { code, stdout } = await run('--eval', 'test/fixtures/checks');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^link-marker\s+\d+/m);
    expect(stdout).toMatch(/^overall\s+\d+/m);
    expect(stdout).toMatch(/^furniture\s+\d+/m);
    expect(stdout).toMatch(/^unexpected findings per 1,000 words: \d+\.\d\d \(\d+ words\)$/m);
  });

  it('exits 1 naming a missing file', async () => {
    const { code, stderr } = await run('no-such-file.txt');
    expect(code).toBe(1);
    expect(stderr).toContain('no-such-file.txt');
  });

  it('exits 2 on an unknown flag', async () => {
    const { code, stderr } = await run('--bogus', 'file.txt');
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: mt-review check');
  });
});
