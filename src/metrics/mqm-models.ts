// Error-scoring models (MQM 2.0, WMT/Google MQM, MateCat) as data, and the pure functions that score errors with one.
import { findCategory, type Severity, severities } from '../review/taxonomy.ts';

/** One error to score: a category id (ours, or WMT's like `Fluency/Punctuation`), its severity, its ITS type. */
export interface ScorableError {
  category: string;
  severity: Severity;
  itsType?: string;
}

/** A weight that replaces the severity weight for the errors it matches. */
export interface WeightRule {
  /** Category ids, compared case-insensitively. */
  categories: readonly string[];
  /** ITS 2.0 issue types; an error without one takes that of its category in our taxonomy. */
  itsTypes?: readonly string[];
  /** The severity the rule applies to; every severity when absent. */
  severity?: Severity;
  weight: number;
  /** Counted once per segment and rater, as Google's whole-segment Non-translation is. */
  oncePerSegment?: boolean;
}

/** How a model turns weighted error points into its score. */
export type ScoreScale =
  | { kind: 'points' }
  | { kind: 'calibrated'; passingThreshold: number; tolerance: number }
  | { kind: 'per-thousand-words'; failAbove: number };

/** A scoring model, all of it data: weights, exceptions, scale and how segments add up to a system score. */
export interface ScoringModel {
  id: string;
  label: string;
  source: string;
  severityWeights: Readonly<Record<Severity, number>>;
  rules: readonly WeightRule[];
  scale: ScoreScale;
  higherIsBetter: boolean;
  /** `mean-of-segments`: the mean segment score (WMT); `pooled-words`: total points over total words (MQM). */
  systemScore: 'mean-of-segments' | 'pooled-words';
}

/** Errors counted by severity, next to every score. */
export type SeverityCounts = Record<Severity, number>;

/** A model's verdict on a text or segment. */
export interface MqmScore {
  model: string;
  /** The model's headline number: MQM 2.0's calibrated score, WMT points, MateCat points per 1000 words. */
  score: number;
  /** Weighted error points (MQM's absolute penalty total). */
  penalty: number;
  words: number;
  /** Points per 1000 words (MQM's normed penalty total); absent without a word count. */
  perThousandWords?: number;
  /** MQM 2.0's raw score, 100 × (1 − points per word). */
  rawScore?: number;
  /** Whether the text passes the model's threshold; absent for models without one (WMT). */
  pass?: boolean;
  counts: SeverityCounts;
}

/** The models `--model` accepts, the first being the default of WMT files. */
export const scoringModels: readonly ScoringModel[] = [
  {
    id: 'wmt',
    label: 'WMT / Google MQM',
    source: 'Freitag et al. 2021, "Experts, Errors, and Context", TACL; google/wmt-mqm-human-evaluation',
    // Google's scheme has no Critical; it takes MQM 2.0's multiplier, the weight of a Non-translation.
    severityWeights: { neutral: 0, minor: 1, major: 5, critical: 25 },
    rules: [
      { categories: ['Fluency/Punctuation', 'linguistic/punctuation'], severity: 'minor', weight: 0.1 },
      // Only a whole segment left untranslated weighs 25, as in Google's data; one German word left in
      // (accuracy/untranslated, "Accuracy/Untranslated text") is an ordinary error weighed by its severity.
      { categories: ['Non-translation!', 'Non-translation'], weight: 25, oncePerSegment: true },
    ],
    scale: { kind: 'points' },
    higherIsBetter: false,
    systemScore: 'mean-of-segments',
  },
  {
    id: 'mqm2',
    label: 'MQM 2.0',
    source: 'themqm.org, MQM 2.0 scoring model',
    severityWeights: { neutral: 0, minor: 1, major: 5, critical: 25 },
    rules: [],
    // Threshold 90 with tolerance 10 points per 1000 words: the score is 100 − points per 1000 words, so a
    // text passes with up to two major errors (or ten minor ones) per 1000 words and no critical one.
    scale: { kind: 'calibrated', passingThreshold: 90, tolerance: 10 },
    higherIsBetter: true,
    systemScore: 'pooled-words',
  },
  {
    id: 'matecat',
    label: 'MateCat',
    source: 'MateCat revision quality defaults',
    // MateCat's own error table has no critical default in our sources; 10 points (five majors) is our choice.
    severityWeights: { neutral: 0, minor: 0.5, major: 2, critical: 10 },
    rules: [],
    scale: { kind: 'per-thousand-words', failAbove: 20 },
    higherIsBetter: false,
    systemScore: 'pooled-words',
  },
];

/** The model with this id, or undefined. */
export function findScoringModel(id: string): ScoringModel | undefined {
  return scoringModels.find((model) => model.id === id);
}

function matchingRule(model: ScoringModel, error: ScorableError): WeightRule | undefined {
  const category = error.category.toLowerCase();
  const itsType = error.itsType ?? findCategory(error.category)?.its;
  return model.rules.find(
    (rule) =>
      (rule.severity === undefined || rule.severity === error.severity) &&
      (rule.categories.some((id) => id.toLowerCase() === category) ||
        (itsType !== undefined && rule.itsTypes?.includes(itsType) === true)),
  );
}

/** No errors of any severity. */
export function emptyCounts(): SeverityCounts {
  return Object.fromEntries(severities.map((severity) => [severity.id, 0])) as SeverityCounts;
}

/** Weighted points and severity counts of the errors one rater found in one segment (or text). */
export function weighErrors(model: ScoringModel, errors: readonly ScorableError[]) {
  const counts = emptyCounts();
  const countedOnce = new Set<WeightRule>();
  let penalty = 0;
  for (const error of errors) {
    counts[error.severity]++;
    const rule = matchingRule(model, error);
    if (rule?.oncePerSegment && countedOnce.has(rule)) continue;
    if (rule?.oncePerSegment) countedOnce.add(rule);
    penalty += rule ? rule.weight : model.severityWeights[error.severity];
  }
  return { penalty, counts };
}

/** Scores `penalty` points found in `words` words, with the counts behind them. */
export function scorePenalty(model: ScoringModel, penalty: number, words: number, counts: SeverityCounts): MqmScore {
  // Object literals, not a spread of shared fields: on Node 20 `{ ...base, score }` takes V8's slow path (about 4 µs a
  // score), and a start scores every article under every model.
  const { scale } = model;
  const id = model.id;
  if (scale.kind === 'points') {
    return words > 0
      ? { model: id, penalty, words, counts, score: penalty, perThousandWords: (penalty / words) * 1000 }
      : { model: id, penalty, words, counts, score: penalty };
  }
  if (!(words > 0)) throw new RangeError(`model ${id} needs a positive word count, got ${words}`);
  const perWord = penalty / words;
  const perThousandWords = perWord * 1000;
  if (scale.kind === 'per-thousand-words') {
    const pass = perThousandWords <= scale.failAbove;
    return { model: id, penalty, words, counts, score: perThousandWords, perThousandWords, pass };
  }
  const score = 100 - (perThousandWords * (100 - scale.passingThreshold)) / scale.tolerance;
  const pass = score >= scale.passingThreshold && counts.critical === 0;
  return { model: id, penalty, words, counts, score, perThousandWords, rawScore: 100 * (1 - perWord), pass };
}

/** Scores the errors found in a text of `words` words with `model`. */
export function scoreErrors(model: ScoringModel, errors: readonly ScorableError[], words: number): MqmScore {
  const { penalty, counts } = weighErrors(model, errors);
  return scorePenalty(model, penalty, words, counts);
}

/** A model's score of weighed errors over `words` words and `segments` rated paragraphs; null where it cannot. */
export function scoreWith(
  model: ScoringModel,
  weighed: { penalty: number; counts: SeverityCounts },
  words: number,
  segments: number,
): MqmScore | null {
  if (!(words > 0) && model.scale.kind !== 'points') return null;
  const score = scorePenalty(model, weighed.penalty, words, weighed.counts);
  if (model.systemScore === 'mean-of-segments') score.score = segments > 0 ? weighed.penalty / segments : 0;
  return score;
}
