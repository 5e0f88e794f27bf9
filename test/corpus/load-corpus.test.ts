// Tests for loading article folders and corpus folders: the fixture corpora, broken articles, and the repo's corpus.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleIdProblem, formatProblem, loadArticle, loadCorpus } from '../../src/corpus/load-corpus.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(repoRoot, 'test', 'fixtures');
const goodCorpus = join(fixtures, 'corpus');
const badCorpus = join(fixtures, 'bad-corpus');

describe('loadCorpus on the edge-case fixtures', () => {
  it('loads every article, sorted by id, with no problems', async () => {
    const { articles, problems } = await loadCorpus(goodCorpus);
    expect(problems).toEqual([]);
    expect(articles.map((a) => a.id)).toEqual([
      'added-paragraph',
      'crlf-bom',
      'html-injection',
      'mt-only',
      'removed-paragraph',
      'rewritten-paragraph',
      'unchanged',
      'unicode-quotes-dashes',
    ]);
  });

  it('removes the BOM and turns CRLF into LF', async () => {
    const raw = await readFile(join(goodCorpus, 'crlf-bom', 'mt.txt'));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(raw.includes('\r\n')).toBe(true);
    const { articles } = await loadCorpus(goodCorpus);
    const article = articles.find((a) => a.id === 'crlf-bom');
    for (const text of [article?.mt, article?.corrected]) {
      expect(text).toMatch(/^Stuttgart – /);
      expect(text).not.toMatch(/[\r\uFEFF]/);
    }
    expect(article?.mt).toContain('Baden-Württemberg wants');
    expect(article?.mt.split('\n\n')).toHaveLength(2);
  });

  it('keeps typographic characters and no-break spaces exactly', async () => {
    const result = await loadArticle(join(goodCorpus, 'unicode-quotes-dashes'));
    if (!('article' in result)) throw new Error(result.problems.map(formatProblem).join('\n'));
    const { mt, meta } = result.article;
    for (const ch of ['„', '“', '”', '‘', '’', '–', '—', '…', '\u00A0', '\u202F']) expect(mt).toContain(ch);
    expect(meta).toMatchObject({ author: 'Jörg Müller', sourceLang: 'de-DE', targetLang: 'en-GB' });
  });

  it('leaves corrected undefined when there is no corrected.txt, and equal to mt for an unchanged article', async () => {
    const { articles } = await loadCorpus(goodCorpus);
    const byId = new Map(articles.map((a) => [a.id, a]));
    expect(byId.get('mt-only')).not.toHaveProperty('corrected');
    expect(byId.get('mt-only')?.meta).toEqual({});
    expect(byId.get('unchanged')?.corrected).toBe(byId.get('unchanged')?.mt);
  });

  it('keeps markup in the text and the title as it is (escaping is the views’ job)', async () => {
    const { articles } = await loadCorpus(goodCorpus);
    const article = articles.find((a) => a.id === 'html-injection');
    expect(article?.mt).toContain('<script>alert(1)</script>');
    expect(article?.corrected).toContain('<img src=x onerror=alert(1)>');
    expect(article?.meta.title).toBe('BSI warns of <script> injection & "stored XSS"');
  });
});

describe('loadCorpus on broken articles', () => {
  it('loads the good article and names the file and the problem of each bad one', async () => {
    const { articles, problems } = await loadCorpus(badCorpus);
    expect(articles.map((a) => a.id)).toEqual(['fine']);
    expect(articles[0]).toMatchObject({ dir: join(badCorpus, 'fine'), meta: { title: 'Leipzig trade fair returns' } });
    expect(problems.map(formatProblem)).toEqual([
      `${join(badCorpus, 'Bad_Id')}: article id "Bad_Id" is not a slug (lowercase letters and digits, words joined by single hyphens)`,
      `${join(badCorpus, 'bad-json', 'article.json')}: invalid JSON at line 4, column 3: expected ',' or '}' after the property value`,
      `${join(badCorpus, 'empty-mt', 'mt.txt')}: empty file`,
      `${join(badCorpus, 'latin1-mt', 'mt.txt')}: not valid UTF-8 (byte 0xFC at offset 83; save the file as UTF-8)`,
      `${join(badCorpus, 'no-mt', 'mt.txt')}: mt.txt is missing`,
      `${join(badCorpus, 'wrong-types', 'article.json')}: "title" must be a string, not a number (5)`,
      `${join(badCorpus, 'wrong-types', 'article.json')}: "published" must be a date as YYYY-MM-DD, not "06.04.2022"`,
      `${join(badCorpus, 'wrong-types', 'article.json')}: "sourceLang" must be a language tag like "de" or "en-GB", not "German"`,
    ]);
    expect(problems.map((p) => p.articleId)).toContain('Bad_Id');
  });

  it('skips files and dot-folders beside the articles', async () => {
    const { articles, problems } = await loadCorpus(badCorpus);
    const ids = [...articles.map((a) => a.id), ...problems.map((p) => p.articleId)];
    expect(ids).not.toContain('notes.txt');
    expect(ids).not.toContain('.hidden');
  });
});

describe('loadCorpus and loadArticle on made-up folders', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mt-review-corpus-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function article(id: string, files: Record<string, string>): Promise<string> {
    await mkdir(join(dir, id), { recursive: true });
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, id, name), text);
    return join(dir, id);
  }

  it('throws a clear error for a missing corpus folder or a file in its place', async () => {
    await expect(loadCorpus(join(dir, 'nope'))).rejects.toThrow(`${join(dir, 'nope')}: corpus folder not found`);
    await writeFile(join(dir, 'file'), 'x');
    await expect(loadCorpus(join(dir, 'file'))).rejects.toThrow(/: not a folder/);
  });

  it('reads source.txt and reports a file over the size limit', async () => {
    const ok = await loadArticle(await article('with-source', { 'mt.txt': 'MT\n', 'source.txt': 'Quelle\r\n' }));
    expect(ok).toMatchObject({ article: { mt: 'MT\n', source: 'Quelle\n' } });
    const big = await loadArticle(await article('big', { 'mt.txt': 'x'.repeat(2000) }), { maxBytes: 1024 });
    expect(big).toEqual({
      problems: [{ articleId: 'big', file: join(dir, 'big', 'mt.txt'), message: '2 KiB, over the 1 KiB limit' }],
    });
  });

  it('reports every problem of one article at once', async () => {
    const result = await loadArticle(await article('Two_Problems', { 'corrected.txt': '', 'article.json': '[]' }));
    expect('problems' in result && result.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/is not a slug/),
      'mt.txt is missing',
      'empty file',
      'must be a JSON object ({ "title": ... }), not an array',
    ]);
  });

  it('reports a folder that is missing', async () => {
    const missing = await loadArticle(join(dir, 'gone'));
    expect(missing).toEqual({
      problems: [{ articleId: 'gone', file: join(dir, 'gone'), message: 'article folder not found' }],
    });
  });
});

describe('loadCorpus and loadArticle refuse symbolic links', () => {
  let dir: string;
  let corpus: string;
  // A file outside the corpus that a planted link would expose (think /etc/passwd).
  let secret: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mt-review-links-'));
    corpus = join(dir, 'corpus');
    secret = join(dir, 'secret.txt');
    await writeFile(secret, 'root:x:0:0:root:/root:/bin/bash\n');
    await mkdir(join(corpus, 'good'), { recursive: true });
    await writeFile(join(corpus, 'good', 'mt.txt'), 'Good text.\n');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const linkMessage = expect.stringMatching(/^a symbolic link: refused \(/);

  it('refuses a symlinked mt.txt with its file and reason, and loads the other articles', async () => {
    await mkdir(join(corpus, 'planted'));
    await symlink(secret, join(corpus, 'planted', 'mt.txt'));
    const { articles, problems } = await loadCorpus(corpus);
    expect(articles.map((a) => a.id)).toEqual(['good']);
    expect(problems).toEqual([{ articleId: 'planted', file: join(corpus, 'planted', 'mt.txt'), message: linkMessage }]);
    expect(JSON.stringify(articles)).not.toContain('root:');
  });

  it('refuses symlinked optional files too, and a link to a file inside the folder', async () => {
    await mkdir(join(corpus, 'optional'));
    await writeFile(join(corpus, 'optional', 'mt.txt'), 'Text.\n');
    await symlink(secret, join(corpus, 'optional', 'corrected.txt'));
    await symlink(join(corpus, 'optional', 'mt.txt'), join(corpus, 'optional', 'source.txt'));
    await symlink('mt.txt', join(corpus, 'optional', 'article.json'));
    const result = await loadArticle(join(corpus, 'optional'));
    expect(result).toEqual({
      problems: ['corrected.txt', 'source.txt', 'article.json'].map((name) => ({
        articleId: 'optional',
        file: join(corpus, 'optional', name),
        message: linkMessage,
      })),
    });
  });

  it('refuses a dangling link as a link, not as a missing file', async () => {
    await mkdir(join(corpus, 'dangling'));
    await writeFile(join(corpus, 'dangling', 'mt.txt'), 'Text.\n');
    await symlink(join(dir, 'nowhere.txt'), join(corpus, 'dangling', 'corrected.txt'));
    const result = await loadArticle(join(corpus, 'dangling'));
    expect(result).toEqual({
      problems: [{ articleId: 'dangling', file: join(corpus, 'dangling', 'corrected.txt'), message: linkMessage }],
    });
  });

  it('refuses a symlinked article folder, found in the corpus or named on its own', async () => {
    await mkdir(join(dir, 'elsewhere'));
    await writeFile(join(dir, 'elsewhere', 'mt.txt'), 'Text from outside the corpus.\n');
    await symlink(join(dir, 'elsewhere'), join(corpus, 'linked'));
    const { articles, problems } = await loadCorpus(corpus);
    expect(articles.map((a) => a.id)).toEqual(['good']);
    const folderProblem = { articleId: 'linked', file: join(corpus, 'linked'), message: linkMessage };
    expect(problems).toEqual([folderProblem]);
    expect(await loadArticle(join(corpus, 'linked'))).toEqual({ problems: [folderProblem] });
  });

  it('follows a corpus folder that is itself a link: the operator chose it', async () => {
    await symlink(corpus, join(dir, 'corpus-link'));
    expect(await loadCorpus(join(dir, 'corpus-link'))).toMatchObject({ problems: [], articles: [{ id: 'good' }] });
  });

  it('ignores a symlinked file beside the article folders, as it ignores any file there', async () => {
    await symlink(secret, join(corpus, 'notes.txt'));
    expect(await loadCorpus(corpus)).toMatchObject({ problems: [], articles: [{ id: 'good' }] });
  });
});

describe('articleIdProblem', () => {
  it('accepts slugs and refuses the rest', () => {
    expect(articleIdProblem('lavrov-in-china-2')).toBeUndefined();
    expect(articleIdProblem('a'.repeat(100))).toBeUndefined();
    for (const id of ['Bad_Id', 'double--hyphen', '-leading', 'trailing-', 'ümlaut', 'with space', '']) {
      expect(articleIdProblem(id)).toMatch(/is not a slug/);
    }
    expect(articleIdProblem('a'.repeat(101))).toBe('article id is 101 characters long, over the limit of 100');
  });
});

describe('loadCorpus on the repository corpus', () => {
  // The SHA-256 of the seed article as published (shared/seed/lavrov-in-china.mt.txt): the corpus copy must stay
  // byte for byte the same, since the checks' evaluation and the README's examples quote its offsets.
  const seedSha256 = '1e7e43a20d2583f2ef07a009b5a36f9f08ce9682305f6644f8dab2e95a7b14fa';

  it('loads lavrov-in-china with mt.txt byte for byte equal to the seed', async () => {
    const { articles, problems } = await loadCorpus(join(repoRoot, 'corpus'));
    expect(problems.filter((p) => p.articleId === 'lavrov-in-china')).toEqual([]);
    const lavrov = articles.find((a) => a.id === 'lavrov-in-china');
    expect(lavrov).toBeDefined();
    const onDisk = await readFile(join(repoRoot, 'corpus', 'lavrov-in-china', 'mt.txt'));
    expect(createHash('sha256').update(onDisk).digest('hex')).toBe(seedSha256);
    // Loading changes nothing in it (no BOM, no CR to normalise).
    expect(Buffer.from(lavrov?.mt ?? '', 'utf8').equals(onDisk)).toBe(true);
    // corrected.txt is written separately; check it only once it is there.
    if (existsSync(join(repoRoot, 'corpus', 'lavrov-in-china', 'corrected.txt'))) {
      expect(lavrov?.corrected).toEqual(expect.any(String));
    }
  });
});
