// An upload of article folders (a zip, or several files) imported as the corpus is: written to a temp folder, loaded
// by the corpus loader (so every check is the same), imported through the same path, the temp folder removed.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { loadArticle } from '../corpus/load-corpus.ts';
import { slugify } from '../corpus/slug.ts';
import { importLoadedArticle } from '../import-corpus.ts';
import type { ImportResult, Store } from '../store/index.ts';
import type { UploadedFile } from './read-upload.ts';
import { ARTICLE_FILES, readZip } from './unzip.ts';

/** What an upload did: each article imported, and each problem (naming the file as uploaded). */
export interface UploadImport {
  imported: { id: string; result: ImportResult }[];
  problems: { file: string; message: string }[];
}

interface Folder {
  /** How the uploader knows it: "corpus.zip: lavrov/" or "lavrov/". */
  label: string;
  id: string | undefined;
  files: Map<string, Buffer>;
}

/**
 * Imports the uploaded files: each zip's folders holding article files are articles (files at a zip's root are
 * one article named by `id`, else by the zip's name); loose files are grouped by their folder (a folder chosen in
 * the browser) or, without one, are one article named by `id`.
 */
export async function importUpload(
  db: Store,
  files: readonly UploadedFile[],
  options: { id?: string; reviewerId: number | null },
): Promise<UploadImport> {
  const result: UploadImport = { imported: [], problems: [] };
  const folders = new Map<string, Folder>();
  const folderOf = (key: string, label: string, id: string | undefined) => {
    const known = folders.get(key);
    if (known) return known;
    const folder: Folder = { label, id, files: new Map() };
    folders.set(key, folder);
    return folder;
  };
  for (const file of files) {
    const name = file.name.replace(/\\/g, '/');
    if (name.toLowerCase().endsWith('.zip')) {
      await collectZip(file, name, options.id, folderOf, result);
      continue;
    }
    const dir = posix.dirname(name) === '.' ? '' : posix.dirname(name);
    const base = posix.basename(name);
    if (!ARTICLE_FILES.has(base)) {
      result.problems.push({
        file: name,
        message: 'not an article file (mt.txt, corrected.txt, source.txt, article.json) or a .zip',
      });
      continue;
    }
    const id = dir ? posix.basename(dir) : options.id;
    folderOf(`files:${dir}`, dir ? `${dir}/` : 'the files', id).files.set(base, file.bytes);
  }
  if (folders.size === 0 && result.problems.length === 0) {
    result.problems.push({ file: 'the upload', message: 'no article files in it (a folder needs at least mt.txt)' });
  }
  const work = await mkdtemp(join(tmpdir(), 'mtr-upload-'));
  try {
    let n = 0;
    for (const folder of folders.values()) {
      if (!folder.id) {
        result.problems.push({ file: folder.label, message: 'give the article id (files outside a folder need one)' });
        continue;
      }
      // A folder of its own per article, named by its id as the loader expects; numbered so that names never clash.
      const dir = join(work, String(n++), folder.id);
      await mkdir(dir, { recursive: true });
      for (const [base, bytes] of folder.files) await writeFile(join(dir, base), bytes);
      const loaded = await loadArticle(dir);
      if ('problems' in loaded) {
        for (const p of loaded.problems) {
          const inFolder = p.file.startsWith(dir) ? p.file.slice(dir.length + 1) : '';
          result.problems.push({ file: `${folder.label}${inFolder}`, message: p.message });
        }
        continue;
      }
      const imported = await importLoadedArticle(db, loaded.article, [], {
        via: 'upload',
        reviewerId: options.reviewerId,
      });
      result.imported.push({ id: folder.id, result: imported });
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return result;
}

async function collectZip(
  file: UploadedFile,
  name: string,
  id: string | undefined,
  folderOf: (key: string, label: string, id: string | undefined) => Folder,
  result: UploadImport,
): Promise<void> {
  let entries: Awaited<ReturnType<typeof readZip>>;
  try {
    entries = await readZip(file.bytes);
  } catch (error) {
    result.problems.push({ file: name, message: (error as Error).message });
    return;
  }
  const zipId = id ?? (slugify(posix.basename(name).replace(/\.zip$/i, '')) || undefined);
  for (const entry of entries) {
    const dir = posix.dirname(entry.path) === '.' ? '' : posix.dirname(entry.path);
    if ('problem' in entry) {
      result.problems.push({ file: `${name}: ${entry.path}`, message: entry.problem });
      continue;
    }
    const folder = folderOf(
      `zip:${name}:${dir}`,
      `${name}: ${dir ? `${dir}/` : ''}`,
      dir ? posix.basename(dir) : zipId,
    );
    folder.files.set(posix.basename(entry.path), entry.bytes);
  }
}
