// Tests for an article folder's file facts: equal while nothing is written, different after any write or new file.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleFileFacts } from '../../src/corpus/file-facts.ts';

let root: string;
let dir: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'mt-review-facts-'));
  dir = join(root, 'article');
  mkdirSync(dir);
  writeFileSync(join(dir, 'mt.txt'), 'The text.\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const settled = () => new Promise((resolve) => setTimeout(resolve, 60));

describe('articleFileFacts', () => {
  it('is the same string while nothing is written, and undefined while a file is fresh', async () => {
    expect(articleFileFacts(dir)).toBeUndefined();
    await settled();
    const facts = articleFileFacts(dir, 20);
    expect(facts).toBeDefined();
    expect(articleFileFacts(dir, 20)).toBe(facts);
  });

  it('changes when a file is rewritten with the same size, touched, added or removed', async () => {
    await settled();
    const facts = articleFileFacts(dir, 20);
    writeFileSync(join(dir, 'mt.txt'), 'The test.\n');
    await settled();
    const rewritten = articleFileFacts(dir, 20);
    expect(rewritten).not.toBe(facts);

    const past = new Date(Date.now() - 60_000);
    utimesSync(join(dir, 'mt.txt'), past, past);
    await settled();
    const touched = articleFileFacts(dir, 20);
    expect(touched).not.toBe(rewritten);

    writeFileSync(join(dir, 'corrected.txt'), 'The text.\n');
    await settled();
    const added = articleFileFacts(dir, 20);
    expect(added).not.toBe(touched);
    rmSync(join(dir, 'corrected.txt'));
    expect(articleFileFacts(dir, 20)).not.toBe(added);
  });

  it('is undefined for a linked file or folder (the loader reports them) and for a missing folder', async () => {
    symlinkSync(join(dir, 'mt.txt'), join(dir, 'source.txt'));
    symlinkSync(dir, join(root, 'linked'));
    await settled();
    expect(articleFileFacts(dir, 20)).toBeUndefined();
    expect(articleFileFacts(join(root, 'linked'), 20)).toBeUndefined();
    expect(articleFileFacts(join(root, 'missing'), 20)).toBeUndefined();
  });
});
