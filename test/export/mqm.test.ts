// Tests for the WMT MQM export: nine tab-separated columns per row, WMT's words, `<v>` on the MT span of each error.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MQM_COLUMNS, renderMqm } from '../../src/export/mqm.ts';
import { WMT_CATEGORY } from '../../src/review/wmt-categories.ts';
import { NASTY_REVIEWER, nastyIds, nastyReview, seedReview } from './fixtures.ts';

const wmtFile = readFileSync(new URL('../fixtures/wmt-mqm/ted-ende.mqm.first2000.tsv', import.meta.url), 'utf8');
const wmtRows = wmtFile
  .trimEnd()
  .split('\n')
  .map((line) => line.split('\t'));

const rowsOf = (tsv: string) =>
  tsv
    .trimEnd()
    .split('\n')
    .map((line) => line.split('\t'));
const span = (target: string) => /<v>(.*?)<\/v>/.exec(target)?.[1];

describe('renderMqm', () => {
  it('writes the WMT header and exactly nine columns on every row, nasty text included', () => {
    const rows = rowsOf(renderMqm(nastyReview(true), { system: 'deepl' }));
    expect(rows[0]).toEqual((wmtRows[0] as string[]).slice(0, 9));
    expect(rows[0]).toEqual(MQM_COLUMNS);
    for (const row of rows) expect(row).toHaveLength(9);
    expect(rows.slice(1).every((row) => row[0] === 'deepl' && row[1] === 'nasty-article')).toBe(true);
    expect(rows[1]?.[4]).toBe(`${NASTY_REVIEWER.replace('\t', ' ')}+Bob`);
  });

  it('marks the MT span of each accepted or amended edit, one row each, and No-error elsewhere', () => {
    const review = nastyReview(true);
    const ids = nastyIds(review);
    const rows = rowsOf(renderMqm(review)).slice(1);
    const spans = rows
      .filter((row) => row[7] !== 'No-error')
      .map((row) => [row[2], span(row[6] as string), row[7], row[8]]);
    expect(spans).toEqual([
      ['1', '"', 'Fluency/Punctuation', 'Minor'],
      ['2', 'Home page politics', 'Accuracy/Addition', 'Major'],
      ['3', '', 'Style/Awkward', 'Neutral'],
      ['4', '', 'Fluency/Punctuation', 'Major'],
    ]);
    expect(rows.filter((row) => row[7] === 'No-error')).toHaveLength(0);
    expect(ids.close).toBeDefined();
    const emojiRow = rows.find((row) => row[2] === '3') as string[];
    expect(emojiRow[6]).toBe('Tab here &amp; ]]> end. Emoji 🎉<v></v> and ctrl\u0001char in China*.');
    expect(emojiRow[5]).toBe('Tab da &amp; ]]> Ende. Emoji 🎉 und Strg\u0001Zeichen in China*.');
  });

  it('gives paragraphs without errors a No-error row and uses only category strings of the WMT data', () => {
    const rows = rowsOf(renderMqm(seedReview())).slice(1);
    const wmtCategories = new Set(wmtRows.slice(1).map((row) => row[7]));
    const wmtSeverities = new Set(wmtRows.slice(1).map((row) => row[8]));
    for (const row of rows) {
      expect(wmtSeverities.has(row[8]) || row[8] === 'Neutral').toBe(true);
      if (row[7] !== 'No-error') expect(span(row[6] as string)).toBeDefined();
    }
    const used = new Set(rows.map((row) => row[7]));
    for (const category of used)
      expect(wmtCategories.has(category) || category === 'Locale convention/Name format').toBe(true);
    expect(rows.filter((row) => row[7] === 'No-error').length).toBeGreaterThan(0);
    expect(rows.some((row) => row[6]?.includes('<v>Of:</v>'))).toBe(true);
  });

  it('keeps the mapping table to WMT category strings for every category of the taxonomy', async () => {
    const { categories } = await import('../../src/review/taxonomy.ts');
    for (const category of categories) expect(WMT_CATEGORY[category.id]).toBeDefined();
  });

  it('writes only the header when nothing has been decided', () => {
    expect(renderMqm({ ...seedReview(), verdicts: [] })).toBe(`${MQM_COLUMNS.join('\t')}\n`);
  });
});
