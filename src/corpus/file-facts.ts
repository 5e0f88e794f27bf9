// An article folder's file facts (inode, size, times): a restart tells an unchanged article by them without reading it.
import { type BigIntStats, lstatSync } from 'node:fs';
import { join } from 'node:path';

/** The files an article folder may hold (see loadArticle); each one's facts, or its absence, count. */
export const ARTICLE_FILES = ['mt.txt', 'corrected.txt', 'source.txt', 'article.json'] as const;

/**
 * How long a file must have been left alone before its facts are trusted: a write in the same clock tick as the
 * facts were taken can keep every fact equal (git's "racily clean" files). Such an article is read every time until
 * its files have settled.
 */
export const SETTLE_MS = 2000;

/**
 * The facts of an article folder's files as one string: equal strings mean that no file of it was written, replaced,
 * added or removed in between (size, modification and change times in nanoseconds, inode). Undefined when they
 * cannot be trusted: the folder or a file is a link or no regular file (the loader reports those), a file changed
 * within `settleMs` of now, or the file system refused. Synchronous: a few lstat calls, far cheaper than reading.
 */
export function articleFileFacts(dir: string, settleMs: number = SETTLE_MS): string | undefined {
  const settledBefore = BigInt(Date.now() - settleMs) * 1_000_000n;
  try {
    const folder = lstatSync(dir, { bigint: true });
    if (!folder.isDirectory()) return undefined;
    const parts = [`${folder.dev}:${folder.ino}`];
    for (const name of ARTICLE_FILES) {
      const file = lstatSync(join(dir, name), { bigint: true, throwIfNoEntry: false });
      if (file === undefined) {
        parts.push('-');
        continue;
      }
      if (!file.isFile() || !settled(file, settledBefore)) return undefined;
      parts.push(`${file.ino}:${file.size}:${file.mtimeNs}:${file.ctimeNs}`);
    }
    return parts.join('|');
  } catch {
    return undefined;
  }
}

// Both times: a copy that keeps the old modification time (cp -p, touch -r) still moves the change time.
function settled(file: BigIntStats, before: bigint): boolean {
  return file.mtimeNs < before && file.ctimeNs < before;
}
