// CLI tests of a database the user cannot write: one line naming the file and the reason, and no -wal/-shm left.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { repoRoot } from '../support/server.ts';

// root may write any file, so as root the CLI runs as nobody (65534) to meet a file it is not allowed to write.
const asRoot = process.getuid?.() === 0;
let dir: string;
let file: string;

/** `mt-review ...args` as a user who may read the database but not write it. */
function cliWithoutWriteAccess(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', ['bin/mt-review.js', ...args], {
      cwd: repoRoot,
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const err: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    // A serve that started after all would never end by itself.
    const timer = setTimeout(() => child.kill(), 15_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mt-review-read-only-'));
  file = join(dir, 'review.db');
  await (await openStore(file)).close();
  chmodSync(file, 0o444);
  // The folder stays writable (for nobody too): SQLite could create its -wal and -shm files there.
  chmodSync(dir, 0o777);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a read-only database file', () => {
  for (const args of [['stats'], ['export', 'lavrov-in-china'], ['serve', '--port', '0', '--corpus', 'corpus']]) {
    it(`makes "${args[0]}" say so in one line naming the file, and leaves no -wal or -shm`, async () => {
      const { code, stderr } = await cliWithoutWriteAccess([...args, '--db', file]);
      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toContain(file);
      expect(stderr).toMatch(/read-only/);
      expect(stderr).not.toMatch(/unexpected error/);
      expect(existsSync(`${file}-wal`)).toBe(false);
      expect(existsSync(`${file}-shm`)).toBe(false);
    });
  }
});
