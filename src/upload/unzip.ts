// Reading the article files out of a zip: names checked (no way out of the folder), sizes capped before inflating.
import yauzl from 'yauzl';
import { formatBytes, MAX_TEXT_BYTES } from '../corpus/read-text.ts';

/** The files an article folder may hold; anything else in a zip is skipped. */
export const ARTICLE_FILES = new Set(['mt.txt', 'corrected.txt', 'source.txt', 'article.json']);

/** A file read from a zip: its path inside it ("folder/mt.txt"), and its bytes (or why they were not read). */
export type ZipEntry = { path: string; bytes: Buffer } | { path: string; problem: string };

/** The most entries read from one zip: a corpus of a few thousand articles. */
export const MAX_ZIP_ENTRIES = 20_000;

/**
 * The article files in a zip (by their base name, at any depth). A path with a `..` part, an absolute one or a
 * backslash is refused by yauzl itself; an entry over the corpus's size limit is reported without being inflated
 * (yauzl checks that the inflated size is the one declared, so a forged header cannot sneak a larger one through).
 */
export function readZip(bytes: Buffer): Promise<ZipEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return reject(new Error(`not a readable zip file: ${error?.message ?? 'unknown'}`));
      if (zip.entryCount > MAX_ZIP_ENTRIES) {
        zip.close();
        return reject(new Error(`the zip has ${zip.entryCount} entries, over the limit of ${MAX_ZIP_ENTRIES}`));
      }
      const entries: ZipEntry[] = [];
      zip.on('error', (zipError: Error) => reject(new Error(`the zip is damaged: ${zipError.message}`)));
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        const base = entry.fileName.split('/').at(-1) ?? '';
        const dotted = entry.fileName.split('/').some((part) => part.startsWith('.') || part === '__MACOSX');
        if (entry.fileName.endsWith('/') || dotted || !ARTICLE_FILES.has(base)) return zip.readEntry();
        if (entry.uncompressedSize > MAX_TEXT_BYTES) {
          const size = formatBytes(entry.uncompressedSize);
          entries.push({ path: entry.fileName, problem: `${size}, over the ${formatBytes(MAX_TEXT_BYTES)} limit` });
          return zip.readEntry();
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream)
            return reject(new Error(`cannot read ${entry.fileName}: ${streamError?.message}`));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', (readError: Error) => reject(new Error(`${entry.fileName}: ${readError.message}`)));
          stream.on('end', () => {
            entries.push({ path: entry.fileName, bytes: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
