// MQM scoring: the models on hand-made errors, WMT file reading, and Google's published TED segment scores.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findScoringModel, type ScorableError, type ScoringModel, scoreErrors } from '../../src/metrics/mqm-models.ts';
import { scoreWmtMqmText } from '../../src/metrics/score-mqm-file.ts';
import { parseWmtMqm } from '../../src/metrics/wmt-tsv.ts';

const wmtMqmDir = new URL('../fixtures/wmt-mqm/', import.meta.url);

function model(id: string): ScoringModel {
  const found = findScoringModel(id);
  if (!found) throw new Error(`no model ${id}`);
  return found;
}

const error = (severity: ScorableError['severity'], category = 'accuracy/mistranslation'): ScorableError => ({
  category,
  severity,
});

describe('scoreErrors with wmt', () => {
  const wmt = model('wmt');

  it('adds Major 5, Minor 1 and Neutral 0 and reports the counts', () => {
    const result = scoreErrors(wmt, [error('major'), error('minor'), error('minor'), error('neutral')], 20);
    expect(result.score).toBe(7);
    expect(result.counts).toEqual({ neutral: 1, minor: 2, major: 1, critical: 0 });
  });

  it('weighs a minor punctuation error 0.1, in WMT and in our taxonomy, but a major one 5', () => {
    const errors = [error('minor', 'Fluency/Punctuation'), error('minor', 'linguistic/punctuation')];
    expect(scoreErrors(wmt, errors, 10).score).toBeCloseTo(0.2, 12);
    expect(scoreErrors(wmt, [error('major', 'linguistic/punctuation')], 10).score).toBe(5);
  });

  it('weighs non-translation 25 once per segment, but an untranslated word by its severity', () => {
    expect(scoreErrors(wmt, [error('major', 'Non-translation!'), error('major', 'Non-translation!')], 10).score).toBe(
      25,
    );
    expect(scoreErrors(wmt, [error('minor', 'accuracy/untranslated'), error('minor')], 10).score).toBe(2);
  });
});

describe('scoreErrors with mqm2', () => {
  const mqm2 = model('mqm2');

  it('computes the penalty totals, the raw and the calibrated score', () => {
    const result = scoreErrors(mqm2, [error('major'), error('minor'), error('minor')], 1000);
    expect(result).toMatchObject({ penalty: 7, perThousandWords: 7, score: 93, pass: true });
    expect(result.rawScore).toBeCloseTo(99.3, 12);
  });

  it('fails a text below the threshold', () => {
    const result = scoreErrors(mqm2, [error('major'), error('major'), error('major')], 1000);
    expect(result.score).toBe(85);
    expect(result.pass).toBe(false);
  });

  it('fails a text with a critical error even when its score passes', () => {
    const result = scoreErrors(mqm2, [error('critical')], 10_000);
    expect(result.score).toBe(97.5);
    expect(result.counts.critical).toBe(1);
    expect(result.pass).toBe(false);
  });

  it('refuses a text without words', () => {
    expect(() => scoreErrors(mqm2, [], 0)).toThrow(/mqm2 needs a positive word count/);
  });
});

describe('scoreErrors with matecat', () => {
  const matecat = model('matecat');

  it('reports points per 1000 words and fails above 20', () => {
    const errors = [error('major'), error('major'), error('minor')];
    expect(scoreErrors(matecat, errors, 1000)).toMatchObject({ penalty: 4.5, score: 4.5, pass: true });
    expect(scoreErrors(matecat, errors, 100)).toMatchObject({ score: 45, pass: false });
    expect(scoreErrors(matecat, [error('critical')], 500)).toMatchObject({ score: 20, pass: true });
  });
});

const header = 'system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity\tcomment';
const row = (
  system: string,
  seg: string,
  rater: string,
  category: string,
  severity: string,
  target = 'ein <v>Satz</v> hier',
) => [system, 'talk.1', seg, seg, rater, 'a sentence here', target, category, severity, ''].join('\t');

describe('scoreWmtMqmText', () => {
  it('averages a segment over its raters and a system over its segments', () => {
    const text = [
      header,
      row('A', '1', 'r1', 'Accuracy/Mistranslation', 'Major'),
      row('A', '1', 'r2', 'No-error', 'No-error'),
      row('A', '2', 'r1', 'Fluency/Punctuation', 'Minor'),
      row('A', '2', 'r1', 'Style/Awkward', 'Minor'),
    ].join('\n');
    const result = scoreWmtMqmText(text, 'small.tsv', model('wmt'));
    expect(result.segments.map((segment) => [segment.segId, segment.raters, segment.score])).toEqual([
      ['1', 2, 2.5],
      ['2', 1, 1.1],
    ]);
    expect(result.systems).toHaveLength(1);
    expect(result.systems[0]?.score).toBeCloseTo(1.8, 12);
    expect(result.systems[0]?.counts).toEqual({ neutral: 0, minor: 2, major: 1, critical: 0 });
  });

  it('pools words for a per-word model, counting target words without the span marks', () => {
    const text = [header, row('A', '1', 'r1', 'Accuracy/Mistranslation', 'Major')].join('\n');
    const [segment] = scoreWmtMqmText(text, 'small.tsv', model('matecat')).segments;
    expect(segment).toMatchObject({ words: 3, penalty: 2 });
    expect(segment?.score).toBeCloseTo(2000 / 3, 9);
  });
});

describe('parseWmtMqm errors', () => {
  it('names the file and the missing column of the header', () => {
    expect(() => parseWmtMqm('system\tdoc\tseg_id\trater\tsource\ttarget\tcategory\n', 'bad.tsv')).toThrow(
      'bad.tsv:1: missing column "severity"',
    );
  });

  it('names the file and line of an unknown severity', () => {
    const text = [header, row('A', '1', 'r1', 'No-error', 'No-error'), row('A', '2', 'r1', 'Style/Awkward', 'Huge')];
    expect(() => parseWmtMqm(text.join('\n'), 'bad.tsv')).toThrow('bad.tsv:3: unknown severity "Huge"');
  });

  it('names the file and line of a row with too few columns', () => {
    expect(() => parseWmtMqm(`${header}\nA\ttalk.1\t1\t1\tr1\n`, 'bad.tsv')).toThrow(
      'bad.tsv:2: expected at least 9 tab-separated columns, found 5',
    );
  });
});

describe('scoreWmtMqmText on the published TED en-de sample', () => {
  const spans = readFileSync(new URL('ted-ende.mqm.first2000.tsv', wmtMqmDir), 'utf8');
  const published = new Map<string, string>();
  // The published file mixes tabs and spaces (NOTICE.md): split on any whitespace.
  const publishedText = readFileSync(new URL('ted-ende.avg_seg_scores.first118.tsv', wmtMqmDir), 'utf8');
  for (const line of publishedText.split('\n').slice(1)) {
    const [system, score, segId] = line.trim().split(/\s+/);
    if (system && score && segId) published.set(`${system}\t${segId}`, score);
  }

  it('reproduces every published score of the segments complete in the sample', () => {
    const { segments } = scoreWmtMqmText(spans, 'ted-ende.mqm.first2000.tsv', model('wmt'));
    // NOTICE.md: segments up to 117 are complete; `ref` is published as None.
    const complete = segments.filter((segment) => Number(segment.segId) <= 117 && segment.system !== 'ref');
    expect(complete).toHaveLength(1521);
    const mismatches = complete.filter((segment) => {
      const score = published.get(`${segment.system}\t${segment.segId}`);
      return score === undefined || Math.abs(-Number(score) - segment.score) > 1e-6;
    });
    expect(mismatches).toEqual([]);
  });
});
