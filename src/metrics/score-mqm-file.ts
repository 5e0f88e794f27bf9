// Scores WMT MQM ratings per segment (averaged over raters) and per system with one scoring model.
import type { Severity } from '../review/taxonomy.ts';
import {
  emptyCounts,
  type MqmScore,
  type ScoringModel,
  type SeverityCounts,
  scorePenalty,
  weighErrors,
} from './mqm-models.ts';
import { parseWmtMqm, type WmtRating, WmtTsvError } from './wmt-tsv.ts';

/** One system's segment: the model's score of the points averaged over its raters. */
export interface SegmentScore extends MqmScore {
  system: string;
  segId: string;
  raters: number;
}

/** One system over all its segments. */
export interface SystemScore extends MqmScore {
  system: string;
  segments: number;
}

/** The scores of a whole file. */
export interface MqmFileScores {
  model: string;
  systems: SystemScore[];
  segments: SegmentScore[];
}

function addCounts(total: SeverityCounts, more: SeverityCounts): void {
  for (const severity of Object.keys(total) as Severity[]) total[severity] += more[severity];
}

// Map.groupBy arrives only in Node 21.
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}

// Google's published segment score: the mean over raters of each rater's sum of error weights.
function scoreSegment(model: ScoringModel, rows: readonly WmtRating[], file: string): SegmentScore {
  const first = rows[0] as WmtRating;
  const words = countWords(first.target);
  if (words === 0 && model.scale.kind !== 'points') {
    throw new WmtTsvError(file, first.line, `empty target: model ${model.id} scores errors per word`);
  }
  const byRater = groupBy(rows, (row) => row.rater);
  const counts = emptyCounts();
  let totalPenalty = 0;
  for (const raterRows of byRater.values()) {
    const errors = raterRows.flatMap(({ category, severity }) => (severity ? [{ category, severity }] : []));
    const weighed = weighErrors(model, errors);
    totalPenalty += weighed.penalty;
    addCounts(counts, weighed.counts);
  }
  const score = scorePenalty(model, totalPenalty / byRater.size, words, counts);
  return { system: first.system, segId: first.segId, raters: byRater.size, ...score };
}

function scoreSystem(model: ScoringModel, system: string, segments: readonly SegmentScore[]): SystemScore {
  const counts = emptyCounts();
  let penalty = 0;
  let words = 0;
  for (const segment of segments) {
    penalty += segment.penalty;
    words += segment.words;
    addCounts(counts, segment.counts);
  }
  const pooled = scorePenalty(model, penalty, words, counts);
  if (model.systemScore === 'pooled-words') return { system, segments: segments.length, ...pooled };
  const mean = segments.reduce((sum, segment) => sum + segment.score, 0) / segments.length;
  return { system, segments: segments.length, ...pooled, penalty: penalty / segments.length, score: mean };
}

/** Scores parsed ratings of `file`: systems in the order they first appear, each one's segments by seg_id. */
export function scoreWmtRatings(ratings: readonly WmtRating[], model: ScoringModel, file: string): MqmFileScores {
  const systems: SystemScore[] = [];
  const segments: SegmentScore[] = [];
  for (const [system, rows] of groupBy(ratings, (row) => row.system)) {
    const systemSegments = [...groupBy(rows, (row) => row.segId).values()]
      .map((segmentRows) => scoreSegment(model, segmentRows, file))
      .sort((a, b) => a.segId.localeCompare(b.segId, 'en', { numeric: true }));
    systems.push(scoreSystem(model, system, systemSegments));
    segments.push(...systemSegments);
  }
  return { model: model.id, systems, segments };
}

/** Parses and scores the text of a WMT MQM file; `file` names it in errors. */
export function scoreWmtMqmText(text: string, file: string, model: ScoringModel): MqmFileScores {
  return scoreWmtRatings(parseWmtMqm(text, file), model, file);
}
