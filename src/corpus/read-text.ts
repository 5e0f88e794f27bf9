// Reading one corpus text file: strict UTF-8, BOM and CRLF normalised, empty and oversized files refused.
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';

/** The largest corpus file we read: news articles are a few KiB; anything this big is a wrong file. */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;

/** A corpus file that cannot be used; `message` is `<path>: <reason>`, ready for stderr. */
export class CorpusFileError extends Error {
  /** The file as the caller named it. */
  readonly path: string;
  /** What is wrong, without the path (e.g. "empty file"). */
  readonly reason: string;
  /** The Node error code when the file system refused (ENOENT, EACCES...). */
  readonly code: string | undefined;

  constructor(path: string, reason: string, code?: string) {
    super(`${path}: ${reason}`);
    this.name = 'CorpusFileError';
    this.path = path;
    this.reason = reason;
    this.code = code;
  }
}

/** Options for {@link readArticleText}. */
export interface ReadTextOptions {
  /** Size limit in bytes; defaults to {@link MAX_TEXT_BYTES}. Tests pass a small one. */
  maxBytes?: number;
  /** Accept a file of no text or only whitespace (line-parallel files, where an empty line is a segment). */
  allowBlank?: boolean;
  /**
   * Refuse the file when it is a symbolic link (the corpus: a link planted there must not expose a file outside
   * it). Checked by the open itself (O_NOFOLLOW), so the file cannot be swapped for a link after a check.
   */
  refuseLinks?: boolean;
}

/** Why a symbolic link in the corpus is refused, as a problem's message says it. */
export const SYMLINK_REFUSED = 'a symbolic link: refused (the corpus holds files and folders themselves, not links)';

/** Reads a corpus text file as UTF-8 (strict), without its BOM and with CRLF / CR turned into LF. */
export async function readArticleText(path: string, options: ReadTextOptions = {}): Promise<string> {
  const maxBytes = options.maxBytes ?? MAX_TEXT_BYTES;
  const bytes = await readBytes(path, maxBytes, options.refuseLinks === true);
  return decodeArticleText(bytes, path, options.allowBlank);
}

/** Decodes and normalises file bytes as {@link readArticleText} does; `path` only names the file in errors. */
export function decodeArticleText(bytes: Uint8Array, path: string, allowBlank = false): string {
  if (bytes.length === 0) {
    if (allowBlank) return '';
    throw new CorpusFileError(path, 'empty file');
  }
  const utf16 = utf16Bom(bytes);
  if (utf16) throw new CorpusFileError(path, `not UTF-8 but ${utf16} (it starts with a UTF-16 byte order mark)`);
  let text: string;
  try {
    // ignoreBOM keeps the BOM in the output so that removing it is one visible step below, not a decoder default.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new CorpusFileError(path, describeInvalidUtf8(bytes));
  }
  return normaliseArticleText(text, path, allowBlank);
}

/**
 * Normalises decoded text as the corpus loader does (BOM removed, CRLF / CR turned into LF, NUL and blank text
 * refused): the API's texts go through it too, so an article is the same whether it came as a file or as JSON.
 */
export function normaliseArticleText(decoded: string, path: string, allowBlank = false): string {
  let text = decoded;
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  // NUL never occurs in prose; it means a binary file (or UTF-16 without a BOM) that happens to decode.
  const nul = text.indexOf('\0');
  if (nul >= 0) throw new CorpusFileError(path, `contains a NUL character at offset ${nul}: not a text file`);
  text = text.replace(/\r\n?/g, '\n');
  if (!allowBlank && text.trim() === '') {
    throw new CorpusFileError(path, text === '' ? 'empty file' : 'empty file (only whitespace)');
  }
  return text;
}

/** Formats a byte count for messages: "512 bytes", "3.2 KiB", "2 MiB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KiB'] : [bytes / (1024 * 1024), 'MiB'];
  return `${Number(value.toFixed(1))} ${unit}`;
}

// The size is checked on the open file first, so an accidental multi-GB file is never pulled into memory.
// O_NONBLOCK makes opening a FIFO return at once (it is then refused as not a regular file) instead of hanging.
// Synchronous calls: a corpus file is a few KiB (2 MiB at most), read in well under a millisecond, and each
// asynchronous call costs more than that (a thread-pool round trip, a handle, buffers for the collector): loading
// 10,000 articles took seconds of the main thread that way.
async function readBytes(path: string, maxBytes: number, refuseLinks: boolean): Promise<Uint8Array> {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | (refuseLinks ? constants.O_NOFOLLOW : 0));
    const info = fstatSync(fd);
    if (!info.isFile()) throw new CorpusFileError(path, 'not a regular file');
    if (info.size > maxBytes) {
      throw new CorpusFileError(path, `${formatBytes(info.size)}, over the ${formatBytes(maxBytes)} limit`);
    }
    return readFileSync(fd);
  } catch (error) {
    if (error instanceof CorpusFileError) throw error;
    throw fileSystemError(path, error, refuseLinks);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function fileSystemError(path: string, error: unknown, refuseLinks: boolean): CorpusFileError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new CorpusFileError(path, 'file not found', code);
  if (code === 'EACCES' || code === 'EPERM') return new CorpusFileError(path, 'permission denied', code);
  // With O_NOFOLLOW, ELOOP is how open says that the file itself is a symbolic link (a dangling one too).
  if (code === 'ELOOP' && refuseLinks) return new CorpusFileError(path, SYMLINK_REFUSED, code);
  const detail = error instanceof Error ? error.message : String(error);
  return new CorpusFileError(path, `cannot read: ${detail}`, code);
}

function utf16Bom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  return undefined;
}

function describeInvalidUtf8(bytes: Uint8Array): string {
  const offset = firstInvalidUtf8Offset(bytes);
  if (offset === undefined) return 'not valid UTF-8';
  const hex = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return `not valid UTF-8 (byte 0x${hex} at offset ${offset}; save the file as UTF-8)`;
}

/**
 * The offset of the first byte that starts an ill-formed (or truncated) UTF-8 sequence (Unicode Table 3-7), or
 * undefined when the bytes are well-formed. TextDecoder says only "invalid"; an editor fixing a file needs where.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const [length, min, max] = utf8Sequence(lead);
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k];
      if (byte === undefined) return i;
      // The second byte has a narrower range for some leads (no overlongs, no surrogates, nothing above U+10FFFF).
      const [lo, hi] = k === 1 ? [min, max] : [0x80, 0xbf];
      if (byte < lo || byte > hi) return i;
    }
    i += length;
  }
  return undefined;
}

// [sequence length, lowest second byte, highest second byte]; length 0 marks a byte that cannot start a character.
function utf8Sequence(lead: number): [number, number, number] {
  if (lead <= 0x7f) return [1, 0, 0];
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf];
  if (lead === 0xe0) return [3, 0xa0, 0xbf];
  if (lead === 0xed) return [3, 0x80, 0x9f];
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf];
  if (lead === 0xf0) return [4, 0x90, 0xbf];
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf];
  if (lead === 0xf4) return [4, 0x80, 0x8f];
  return [0, 0, 0];
}
