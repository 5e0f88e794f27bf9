// Reading span-level MQM ratings in the tab-separated layout of google/wmt-mqm-human-evaluation.
import type { Severity } from '../review/taxonomy.ts';

/** One row of a WMT MQM file: one error (or `No-error`) that one rater marked in one system's segment. */
export interface WmtRating {
  system: string;
  doc: string;
  segId: string;
  rater: string;
  source: string;
  /** The target with the `<v>…</v>` span marks removed. */
  target: string;
  category: string;
  /** Undefined for a `No-error` row: the rater saw the segment and found nothing. */
  severity: Severity | undefined;
  /** 1-based line in the file. */
  line: number;
}

/** A line of a WMT MQM file that cannot be read; the message is `<file>:<line>: <problem>`. */
export class WmtTsvError extends Error {
  readonly file: string;
  readonly line: number;

  constructor(file: string, line: number, problem: string) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'WmtTsvError';
    this.file = file;
    this.line = line;
  }
}

const requiredColumns = ['system', 'doc', 'seg_id', 'rater', 'source', 'target', 'category', 'severity'] as const;
type Column = (typeof requiredColumns)[number];

const severityByLabel: Readonly<Record<string, Severity | undefined>> = {
  neutral: 'neutral',
  minor: 'minor',
  major: 'major',
  critical: 'critical',
  'no-error': undefined,
};

function readHeader(header: string, file: string): Record<Column, number> {
  const names = header.split('\t').map((name) => name.trim());
  const positions = {} as Record<Column, number>;
  for (const column of requiredColumns) {
    const position = names.indexOf(column);
    if (position < 0) {
      throw new WmtTsvError(
        file,
        1,
        `missing column "${column}" in the header (expected ${requiredColumns.join(', ')})`,
      );
    }
    positions[column] = position;
  }
  return positions;
}

function readSeverity(label: string, file: string, line: number): Severity | undefined {
  const key = label.trim().toLowerCase();
  if (!(key in severityByLabel)) {
    throw new WmtTsvError(
      file,
      line,
      `unknown severity "${label}" (expected Major, Minor, Neutral, Critical or No-error)`,
    );
  }
  return severityByLabel[key];
}

function readRow(fields: string[], columns: Record<Column, number>, file: string, line: number): WmtRating {
  const field = (column: Column) => fields[columns[column]] ?? '';
  for (const column of ['system', 'seg_id', 'rater'] as const) {
    if (field(column).trim() === '') throw new WmtTsvError(file, line, `empty "${column}"`);
  }
  const category = field('category').trim();
  const severity = readSeverity(field('severity'), file, line);
  return {
    system: field('system').trim(),
    doc: field('doc').trim(),
    segId: field('seg_id').trim(),
    rater: field('rater').trim(),
    source: field('source'),
    target: field('target').replace(/<\/?v>/g, ''),
    category,
    severity: category.toLowerCase() === 'no-error' ? undefined : severity,
    line,
  };
}

/** Parses the text of a WMT MQM file (header row first); `file` names it in errors. */
export function parseWmtMqm(text: string, file: string): WmtRating[] {
  const lines = text.split(/\r?\n/);
  const header = lines[0];
  if (header === undefined || header.trim() === '') throw new WmtTsvError(file, 1, 'no header row');
  const columns = readHeader(header, file);
  const needed = Math.max(...Object.values(columns)) + 1;
  const ratings: WmtRating[] = [];
  for (let index = 1; index < lines.length; index++) {
    const text = lines[index] as string;
    if (text.trim() === '') continue;
    // Quotes are data here (the published files are not CSV-quoted), so the split is on tabs alone.
    const fields = text.split('\t');
    if (fields.length < needed) {
      throw new WmtTsvError(
        file,
        index + 1,
        `expected at least ${needed} tab-separated columns, found ${fields.length}`,
      );
    }
    ratings.push(readRow(fields, columns, file, index + 1));
  }
  return ratings;
}
