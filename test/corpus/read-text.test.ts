// Tests for reading one corpus text file: UTF-8 strictness, BOM and CRLF, empty and oversized files.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CorpusFileError,
  decodeArticleText,
  firstInvalidUtf8Offset,
  formatBytes,
  MAX_TEXT_BYTES,
  readArticleText,
  SYMLINK_REFUSED,
} from '../../src/corpus/read-text.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

function errorOf(run: () => unknown): CorpusFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof CorpusFileError) return error;
    throw error;
  }
  throw new Error('expected a CorpusFileError');
}

describe('decodeArticleText', () => {
  it('removes a leading BOM and turns CRLF and lone CR into LF', () => {
    const text = decodeArticleText(bytes(0xef, 0xbb, 0xbf, ...utf8('One\r\n\r\nTwo\rThree\n')), 'a/mt.txt');
    expect(text).toBe('One\n\nTwo\nThree\n');
  });

  it('keeps a BOM that is not at the start (it is text, not a marker)', () => {
    expect(decodeArticleText(utf8('a\uFEFFb'), 'a/mt.txt')).toBe('a\uFEFFb');
  });

  it('keeps multi-byte characters and trailing whitespace as they are', () => {
    const text = '„Grüße“ – 23\u202F992 …  \n';
    expect(decodeArticleText(utf8(text), 'a/mt.txt')).toBe(text);
  });

  it('names the path, the byte and its offset for invalid UTF-8', () => {
    const error = errorOf(() => decodeArticleText(bytes(...utf8('Grüße aus M'), 0xfc, 0x6e), 'corpus/foo/mt.txt'));
    expect(error.message).toBe('corpus/foo/mt.txt: not valid UTF-8 (byte 0xFC at offset 13; save the file as UTF-8)');
    expect(error.path).toBe('corpus/foo/mt.txt');
  });

  it('says a UTF-16 file is UTF-16', () => {
    const error = errorOf(() => decodeArticleText(bytes(0xff, 0xfe, 0x41, 0x00), 'x/mt.txt'));
    expect(error.reason).toMatch(/^not UTF-8 but UTF-16LE/);
  });

  it('rejects a NUL character as not text', () => {
    expect(errorOf(() => decodeArticleText(utf8('ab\0c'), 'x/mt.txt')).reason).toMatch(/NUL character at offset 2/);
  });

  it('rejects an empty file, a BOM alone and whitespace only', () => {
    expect(errorOf(() => decodeArticleText(bytes(), 'x/mt.txt')).message).toBe('x/mt.txt: empty file');
    expect(errorOf(() => decodeArticleText(bytes(0xef, 0xbb, 0xbf), 'x/mt.txt')).reason).toBe('empty file');
    expect(errorOf(() => decodeArticleText(utf8(' \r\n\t\n'), 'x/mt.txt')).reason).toBe('empty file (only whitespace)');
  });

  it('accepts no text and blank lines when blank files are allowed (line-parallel TER files)', () => {
    expect(decodeArticleText(bytes(), 'x/hyp.txt', true)).toBe('');
    expect(decodeArticleText(utf8('\r\n\n'), 'x/hyp.txt', true)).toBe('\n\n');
    expect(errorOf(() => decodeArticleText(bytes(0xff), 'x/hyp.txt', true)).reason).toMatch(/not valid UTF-8/);
  });
});

describe('firstInvalidUtf8Offset', () => {
  it('accepts well-formed UTF-8 of every length', () => {
    expect(firstInvalidUtf8Offset(utf8('a ä – 𝄞'))).toBeUndefined();
  });

  it('finds overlongs, surrogates, stray continuation bytes and truncated sequences', () => {
    expect(firstInvalidUtf8Offset(bytes(0x61, 0xc0, 0x80))).toBe(1);
    expect(firstInvalidUtf8Offset(bytes(0xed, 0xa0, 0x80))).toBe(0);
    expect(firstInvalidUtf8Offset(bytes(0x61, 0x62, 0x80))).toBe(2);
    expect(firstInvalidUtf8Offset(bytes(0x61, 0xe2, 0x80))).toBe(1);
    expect(firstInvalidUtf8Offset(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0);
  });
});

describe('formatBytes', () => {
  it('uses bytes, KiB and MiB', () => {
    expect([formatBytes(512), formatBytes(3277), formatBytes(MAX_TEXT_BYTES)]).toEqual([
      '512 bytes',
      '3.2 KiB',
      '2 MiB',
    ]);
  });
});

describe('readArticleText', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mt-review-read-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a file and normalises it', async () => {
    await writeFile(join(dir, 'mt.txt'), '\uFEFFOne\r\n\r\nTwo\r\n');
    expect(await readArticleText(join(dir, 'mt.txt'))).toBe('One\n\nTwo\n');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const path = join(dir, 'mt.txt');
    await writeFile(path, 'x'.repeat(150));
    await expect(readArticleText(path, { maxBytes: 100 })).rejects.toThrow(
      `${path}: 150 bytes, over the 100 bytes limit`,
    );
  });

  it('refuses a file over the default 2 MiB limit', async () => {
    const path = join(dir, 'mt.txt');
    await writeFile(path, 'a'.repeat(Math.round(3.2 * 1024 * 1024)));
    await expect(readArticleText(path)).rejects.toThrow(`${path}: 3.2 MiB, over the 2 MiB limit`);
  });

  it('says a missing file is not found, with the ENOENT code', async () => {
    const error = await readArticleText(join(dir, 'nope.txt')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusFileError);
    expect(error).toMatchObject({ reason: 'file not found', code: 'ENOENT' });
  });

  it('says a folder is not a regular file', async () => {
    await expect(readArticleText(dir)).rejects.toThrow(`${dir}: not a regular file`);
  });

  it('says a named pipe is not a regular file, without waiting for a writer', async () => {
    const fifo = join(dir, 'mt.txt');
    execFileSync('mkfifo', [fifo]);
    await expect(readArticleText(fifo)).rejects.toThrow(`${fifo}: not a regular file`);
  });

  it('follows a symbolic link unless told to refuse links', async () => {
    await writeFile(join(dir, 'real.txt'), 'Text\n');
    await symlink(join(dir, 'real.txt'), join(dir, 'link.txt'));
    expect(await readArticleText(join(dir, 'link.txt'))).toBe('Text\n');
    const error = await readArticleText(join(dir, 'link.txt'), { refuseLinks: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: SYMLINK_REFUSED, code: 'ELOOP' });
  });
});
