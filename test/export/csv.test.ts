// Tests for the CSV export: one RFC 4180 row per verdict, every cell read back exactly by a CSV parser.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, renderCsv } from '../../src/export/csv.ts';
import { nastyReview, seedReview } from './fixtures.ts';

describe('renderCsv', () => {
  it('round-trips every cell of every verdict, nasty text included', () => {
    const review = nastyReview();
    const rows: string[][] = parse(renderCsv(review), { relax_column_count: false });
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(review.verdicts.length + 1);
    review.verdicts.forEach((verdict, index) => {
      const edit = review.edits.find((candidate) => candidate.id === verdict.editId);
      expect(rows[index + 1]).toEqual([
        review.id,
        verdict.editId,
        edit?.mtText,
        edit?.correctedText,
        verdict.reviewer,
        verdict.createdAt,
        verdict.decision,
        verdict.category ?? '',
        verdict.severity ?? '',
        verdict.note ?? '',
        verdict.amendedText ?? '',
      ]);
    });
  });

  it('separates records with CRLF and quotes fields with quotes, commas or line breaks', () => {
    const csv = renderCsv(nastyReview());
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(csv).toContain('"Ann ""the <b>boss</b>"" O\'Neil,\t&amp;"');
  });

  it('writes the seed history with the amended text', () => {
    const rows: Record<string, string>[] = parse(renderCsv(seedReview()), { columns: true });
    expect(rows).toHaveLength(8);
    expect(rows.find((row) => row.decision === 'amend')?.['amended text']).toBe('visited China');
  });
});
