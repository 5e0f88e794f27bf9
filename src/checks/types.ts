// The shapes every check shares: a finding, the context a check may read, and the check unit itself.
import type { Severity } from '../review/taxonomy.ts';
import type { NameVariantLookup } from './name-index.ts';

/** One problem a check found: a span of the text (JS string offsets), what to put there, and how to label it. */
export interface Finding {
  /** The id of the check that found it. */
  check: string;
  start: number;
  end: number;
  /** The text of the span: `text.slice(start, end)`. */
  text: string;
  /** The proposed replacement; '' means delete the span; null means "look at this" without a proposal. */
  suggestion: string | null;
  /** A category id from `src/review/taxonomy.ts`. */
  category: string;
  severity: Severity;
  message: string;
  /**
   * How sure the check is that this is an error, from 0 to 1: about the share of such findings a reviewer accepts.
   * Rules that read layout or lists are sure (0.9 and up); rules that guess from word order or context are not (0.5–0.7).
   */
  confidence: number;
}

/** One article of a corpus, as the corpus-wide checks read it. */
export interface CorpusText {
  id: string;
  text: string;
}

/** What a check may read besides the text: the other articles of the corpus, and the house style in force. */
export interface CheckContext {
  /** The article's own id, so corpus checks can leave it out of "elsewhere in the corpus". */
  articleId?: string;
  /** The corpus the article belongs to (it may include the article itself). */
  corpus?: readonly CorpusText[];
  /**
   * The corpus's name index, kept up to date by the caller as articles come and go (`CorpusNameIndex.add/remove`),
   * or one article's view of it (`NameIndexView`, in a worker); used instead of indexing `corpus` when given.
   */
  nameIndex?: NameVariantLookup;
  /** A house-style file to use on top of the shipped one (overrides MT_REVIEW_HOUSE_STYLE). */
  houseStylePath?: string;
}

/** The family a check belongs to, as `check --eval` reports them: the kinds of artifact MT of web pages leaves. */
export type CheckFamily =
  | 'furniture'
  | 'links'
  | 'formats'
  | 'german-words'
  | 'capitalisation'
  | 'names'
  | 'terminology'
  | 'grammar'
  | 'fluency'
  | 'spelling'
  | 'corpus';

/** A check: a small pure unit from text to findings. */
export interface Check {
  id: string;
  name: string;
  description: string;
  family: CheckFamily;
  /** The category its findings carry. */
  category: string;
  run(text: string, context?: CheckContext): Finding[];
}
