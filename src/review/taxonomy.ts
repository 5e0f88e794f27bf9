// The error taxonomy (MQM 2.0 dimensions, with the ITS 2.0 issue type of each category) and severities, as data.

/** An ITS 2.0 locQualityIssueType value (the closed list of the spec). */
export type ItsIssueType =
  | 'terminology'
  | 'mistranslation'
  | 'omission'
  | 'untranslated'
  | 'addition'
  | 'duplication'
  | 'inconsistency'
  | 'grammar'
  | 'register'
  | 'legal'
  | 'length'
  | 'locale-specific-content'
  | 'locale-violation'
  | 'style'
  | 'characters'
  | 'misspelling'
  | 'typographical'
  | 'formatting'
  | 'inconsistent-entities'
  | 'numbers'
  | 'markup'
  | 'pattern-problem'
  | 'whitespace'
  | 'internationalization'
  | 'non-conformance'
  | 'uncategorized'
  | 'other';

/** A top-level MQM 2.0 error dimension. */
export interface Dimension {
  id: string;
  label: string;
}

/**
 * A reviewable error category. `id` is `<dimension>/<name>`; `<dimension>/other` is the dimension itself (MQM lets
 * an error be marked at any level of its typology: one marked just "Accuracy" is stored as `accuracy/other`).
 */
export interface Category {
  id: string;
  dimension: string;
  label: string;
  its: ItsIssueType;
  description: string;
}

/** MQM 2.0's top-level dimensions, in the order MQM lists them. */
export const dimensions: readonly Dimension[] = [
  { id: 'terminology', label: 'Terminology' },
  { id: 'accuracy', label: 'Accuracy' },
  { id: 'linguistic', label: 'Linguistic conventions' },
  { id: 'style', label: 'Style' },
  { id: 'locale', label: 'Locale conventions' },
  { id: 'audience', label: 'Audience appropriateness' },
  { id: 'design', label: 'Design and markup' },
  { id: 'other', label: 'Other' },
];

const c = (id: string, label: string, its: ItsIssueType, description: string): Category => ({
  id,
  dimension: id.split('/')[0] ?? id,
  label,
  its,
  description,
});

/** Every category a verdict may carry, by dimension, each dimension's own category last. */
export const categories: readonly Category[] = [
  c('terminology/wrong-term', 'Wrong term', 'terminology', 'A term not used in the domain or by the house style.'),
  c('terminology/inconsistent-entity', 'Inconsistent name', 'inconsistent-entities', 'One name spelled two ways.'),
  c('terminology/other', 'Terminology (general)', 'terminology', 'A terminology error of no finer type.'),
  c('accuracy/mistranslation', 'Mistranslation', 'mistranslation', 'The meaning differs from the source.'),
  c('accuracy/omission', 'Omission', 'omission', 'Content of the source is missing.'),
  c('accuracy/addition', 'Addition', 'addition', 'Text that is not content: added by the page or the MT.'),
  c('accuracy/untranslated', 'Untranslated', 'untranslated', 'Source-language text left in the translation.'),
  c(
    'accuracy/non-translation',
    'Non-translation',
    'untranslated',
    'Not a translation of the source: beyond marking single errors.',
  ),
  c('accuracy/other', 'Accuracy (general)', 'other', 'An accuracy error of no finer type.'),
  c('linguistic/grammar', 'Grammar', 'grammar', 'Agreement, verb forms, doubled or missing words.'),
  c('linguistic/word-order', 'Word order', 'grammar', 'Source-language word order kept in the target.'),
  c('linguistic/spelling', 'Spelling', 'misspelling', 'Misspelled word or wrong capitalisation.'),
  c('linguistic/punctuation', 'Punctuation', 'typographical', 'Missing, extra or wrong punctuation.'),
  c('linguistic/duplication', 'Duplication', 'duplication', 'A word or phrase repeated by mistake.'),
  c('linguistic/whitespace', 'Whitespace', 'whitespace', 'Missing or extra spaces.'),
  c('linguistic/other', 'Linguistic (general)', 'other', 'A linguistic (fluency) error of no finer type.'),
  c('style/awkward', 'Awkward style', 'style', 'Correct but unidiomatic: reads as a translation.'),
  c('style/register', 'Register', 'register', 'Wrong level of formality for news.'),
  c('style/other', 'Style (general)', 'style', 'A style error of no finer type.'),
  c('locale/name-format', 'Name transliteration', 'locale-violation', 'A name in its source-language spelling.'),
  c('locale/quote-marks', 'Quotation marks', 'locale-violation', 'Source-language quotation marks.'),
  c('locale/number-format', 'Number format', 'numbers', 'Decimal comma, date or unit in source format.'),
  c('locale/other', 'Locale (general)', 'locale-violation', 'A locale convention error of no finer type.'),
  c('audience/culture-specific', 'Culture-specific', 'locale-specific-content', 'Needs explaining to readers.'),
  c('audience/other', 'Audience (general)', 'other', 'Not appropriate for the audience, no finer type.'),
  c('design/page-furniture', 'Page furniture', 'markup', 'Breadcrumb, byline label, buttons, footer as text.'),
  c('design/link-residue', 'Link residue', 'markup', 'Link markers or link footers left in the text.'),
  c('design/other', 'Design (general)', 'formatting', 'A design or markup error of no finer type.'),
  c('other/other', 'Other', 'other', 'None of the above.'),
];

/** Severity levels in increasing order, with MQM 2.0's multipliers and an ITS 2.0 severity (0-100). */
export const severities = [
  { id: 'neutral', label: 'Neutral', multiplier: 0, its: 0 },
  { id: 'minor', label: 'Minor', multiplier: 1, its: 30 },
  { id: 'major', label: 'Major', multiplier: 5, its: 70 },
  { id: 'critical', label: 'Critical', multiplier: 25, its: 100 },
] as const;

/** A severity id: neutral, minor, major or critical. */
export type Severity = (typeof severities)[number]['id'];

const categoryById = new Map(categories.map((category) => [category.id, category]));

/** The category with this id, or undefined. */
export function findCategory(id: string): Category | undefined {
  return categoryById.get(id);
}

/** The category that stands for a dimension itself: `<dimension>/other`. */
export function dimensionCategory(dimensionId: string): string {
  return `${dimensionId}/other`;
}

/** True when `value` is one of the severity ids. */
export function isSeverity(value: unknown): value is Severity {
  return severities.some((severity) => severity.id === value);
}

/** The severity id named by `value` in any case (`Major`, as WMT writes it, is `major`), or undefined. */
export function findSeverity(value: unknown): Severity | undefined {
  if (typeof value !== 'string') return undefined;
  const id = value.trim().toLowerCase();
  return isSeverity(id) ? id : undefined;
}
