// Tests for the CSV export: RFC 4180 checked by its grammar, read back by csv-parse in strict mode and by Python's csv.
import { spawnSync } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, renderCsv } from '../../src/export/csv.ts';
import type { ArticleReview, StoredEdit } from '../../src/review/article-review.ts';
import { nastyReview, seedReview, verdict } from './fixtures.ts';

// RFC 4180, section 2 (ABNF): records separated by CRLF, an optional CRLF at the end; a field is either quoted
// (anything, a quote doubled) or free of quotes, commas, CR and LF. Written here from the RFC, not by the writer.
const field = '(?:"(?:[^"]|"")*"|[^",\\r\\n]*)';
const record = `${field}(?:,${field})*`;
const rfc4180 = new RegExp(`^${record}(?:\\r\\n${record})*(?:\\r\\n)?$`);

/** csv-parse with nothing relaxed: CRLF the only record end, bad quotes and uneven rows are errors. */
const parseStrict = (csv: string): string[][] =>
  parse(csv, {
    record_delimiter: '\r\n',
    relax_quotes: false,
    relax_column_count: false,
    skip_empty_lines: false,
    skip_records_with_error: false,
  });

// The columns that carry free text (corpus text, reviewers' words): spreadsheets would run a formula in them.
const textColumns = new Set(['mt text', 'corrected text', 'reviewer', 'note', 'amended text']);
/** A text cell as the export must write it: one apostrophe before a leading = + - @ tab CR or apostrophe. */
const defused = (value: string) => (/^[=+\-@\t\r']/.test(value) ? `'${value}` : value);

/** The rows the export must hold for `review`, header first. */
function expectedRows(review: ArticleReview): string[][] {
  const edits = new Map(review.edits.map((edit) => [edit.id, edit]));
  const rows = review.verdicts.map((verdict) => {
    const edit = edits.get(verdict.editId);
    const cells = [
      review.id,
      verdict.editId,
      edit?.mtText ?? '',
      edit?.correctedText ?? '',
      verdict.reviewer,
      verdict.createdAt,
      verdict.decision,
      verdict.category ?? '',
      verdict.severity ?? '',
      verdict.note ?? '',
      verdict.amendedText ?? '',
    ];
    return cells.map((cell, index) => (textColumns.has(CSV_COLUMNS[index] as string) ? defused(cell) : cell));
  });
  return [[...CSV_COLUMNS], ...rows];
}

const havePython = spawnSync('python3', ['--version']).status === 0;
if (!havePython) console.warn('renderCsv: Python tests skipped: python3 not found; apt-get install python3');

/** Each CSV document read by Python 3's csv module (excel dialect, strict), in one python3 run. */
function readWithPython(documents: string[]): string[][][] {
  const script = [
    'import csv, io, json, sys',
    "docs = json.load(io.TextIOWrapper(sys.stdin.buffer, encoding='utf-8'))",
    "json.dump([list(csv.reader(io.StringIO(doc, newline=''), strict=True)) for doc in docs], sys.stdout)",
  ].join('\n');
  const result = spawnSync('python3', ['-c', script], { input: JSON.stringify(documents), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python3 failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}
const pythonIt = havePython ? it : it.skip;
const pythonName = (name: string) =>
  havePython ? name : `skipped: python3 not found; apt-get install python3 (${name})`;

/** One edit with the given texts, and one verdict on it per entry of `verdicts`. */
function reviewOf(mtText: string, correctedText: string, verdicts: Parameters<typeof verdict>[1][]): ArticleReview {
  const edit: StoredEdit = {
    id: 'edit-1',
    mtStart: 0,
    mtEnd: mtText.length,
    mtText,
    correctedStart: 0,
    correctedEnd: correctedText.length,
    correctedText,
    paragraph: 0,
    contextBefore: '',
    contextAfter: '',
    origin: 'post-edit',
    status: 'current',
  };
  return {
    id: 'hostile',
    meta: {},
    mt: mtText,
    corrected: correctedText,
    source: null,
    edits: [edit],
    verdicts: verdicts.map((fields) => verdict('edit-1', fields)),
    activity: [],
  };
}

// Text built from the pieces that break CSV writers and readers, and from the formula triggers of spreadsheets.
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom('"', '""', ',', '\r', '\n', '\r\n', '\n\r', '=', '+', '-', '@', '\t', "'", ' ', ';'),
      fc.constantFrom('=HYPERLINK("http://evil.example","x")', '@SUM(A1)', '-2+3', 'é', '🎉', '\u2028'),
      fc.string({ maxLength: 5 }),
    ),
    { maxLength: 8 },
  )
  .map((pieces) => pieces.join(''));
const hostileVerdict = fc.record({
  reviewer: hostileText,
  decision: fc.constantFrom('accept' as const, 'reject' as const, 'amend' as const),
  category: fc.constantFrom(null, 'accuracy/mistranslation', 'style/awkward'),
  note: fc.option(hostileText),
  amendedText: fc.option(hostileText),
});
const hostileReview = fc
  .tuple(hostileText, hostileText, fc.array(hostileVerdict, { minLength: 1, maxLength: 4 }))
  .map(([mt, corrected, verdicts]) => reviewOf(mt, corrected, verdicts));

describe('renderCsv', () => {
  it('writes RFC 4180: CRLF record ends, and a field with a line break, quote or comma quoted', () => {
    const csv = renderCsv(nastyReview());
    expect(csv).toMatch(rfc4180);
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(csv).toContain('"Ann ""the <b>boss</b>"" O\'Neil,\t&amp;"');
    // The note has a line break: quoted, not cut into two records.
    expect(csv).toContain('"Use “curly” quotes,\tplease\nline 2:');
    const lone = renderCsv(reviewOf('a\rb', 'c\nd', [{ note: 'e\r\nf' }]));
    expect(lone.split('\r\n')[1]).toBe('hostile,edit-1,"a\rb","c\nd",Bob,2024-05-01T10:00:00.000Z,accept,,,"e');
  });

  it('reads back cell for cell with csv-parse in strict mode, nasty text included', () => {
    const review = nastyReview();
    expect(parseStrict(renderCsv(review))).toEqual(expectedRows(review));
  });

  pythonIt(pythonName("reads back cell for cell with Python 3's csv module"), () => {
    const reviews = [nastyReview(), seedReview(), reviewOf('a\rb', '\n', [{ note: '\r\n', amendedText: '"\r"' }])];
    const [nasty, seed, lone] = readWithPython(reviews.map((review) => renderCsv(review)));
    expect(nasty).toEqual(expectedRows(reviews[0] as ArticleReview));
    expect(seed).toEqual(expectedRows(reviews[1] as ArticleReview));
    expect(lone).toEqual(expectedRows(reviews[2] as ArticleReview));
    expect(nasty?.every((row) => row.length === CSV_COLUMNS.length)).toBe(true);
  });

  it('defuses formulas in text cells with a leading apostrophe, so that spreadsheets show them as text', () => {
    const review = reviewOf('=HYPERLINK("http://evil.example","click")', '-2+3', [
      { reviewer: '@admin', note: "'quoted", amendedText: '+1', category: 'style/awkward' },
      { reviewer: '\tTab', note: '\rCR', amendedText: 'a=b' },
    ]);
    const [, first, second] = parseStrict(renderCsv(review));
    expect(first?.slice(2, 5)).toEqual(['\'=HYPERLINK("http://evil.example","click")', "'-2+3", "'@admin"]);
    expect(first?.slice(7)).toEqual(['style/awkward', '', "''quoted", "'+1"]);
    expect([second?.[4], second?.[9], second?.[10]]).toEqual(["'\tTab", "'\rCR", 'a=b']);
  });

  it('keeps every hostile value readable by a strict parser and recoverable by dropping one leading apostrophe', () => {
    fc.assert(
      fc.property(hostileReview, (review) => {
        const csv = renderCsv(review);
        expect(csv).toMatch(rfc4180);
        const rows = parseStrict(csv);
        expect(rows).toEqual(expectedRows(review));
        const verdict = review.verdicts[0];
        const note = rows[1]?.[CSV_COLUMNS.indexOf('note')] ?? '';
        expect(note.replace(/^'/, '')).toBe(verdict?.note ?? '');
      }),
      { numRuns: 300 },
    );
  });

  pythonIt(pythonName("keeps every hostile value readable by Python 3's csv module"), () => {
    const reviews = fc.sample(hostileReview, 200);
    const read = readWithPython(reviews.map((review) => renderCsv(review)));
    reviews.forEach((review, index) => {
      expect(read[index]).toEqual(expectedRows(review));
    });
  });

  it('writes the seed history with the amended text', () => {
    const rows: Record<string, string>[] = parse(renderCsv(seedReview()), { columns: true });
    expect(rows).toHaveLength(8);
    expect(rows.find((row) => row.decision === 'amend')?.['amended text']).toBe('visited China');
  });
});
