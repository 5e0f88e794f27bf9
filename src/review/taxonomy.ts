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

/** A reviewable error category: a leaf of the taxonomy. `id` is `<dimension>/<name>`. */
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

/** Every category a verdict may carry. */
export const categories: readonly Category[] = [
  c('terminology/wrong-term', 'Wrong term', 'terminology', 'A term not used in the domain or by the house style.'),
  c('terminology/inconsistent-entity', 'Inconsistent name', 'inconsistent-entities', 'One name spelled two ways.'),
  c('accuracy/mistranslation', 'Mistranslation', 'mistranslation', 'The meaning differs from the source.'),
  c('accuracy/omission', 'Omission', 'omission', 'Content of the source is missing.'),
  c('accuracy/addition', 'Addition', 'addition', 'Text that is not content: added by the page or the MT.'),
  c('accuracy/untranslated', 'Untranslated', 'untranslated', 'Source-language text left in the translation.'),
  c('linguistic/grammar', 'Grammar', 'grammar', 'Agreement, verb forms, doubled or missing words.'),
  c('linguistic/word-order', 'Word order', 'grammar', 'Source-language word order kept in the target.'),
  c('linguistic/spelling', 'Spelling', 'misspelling', 'Misspelled word or wrong capitalisation.'),
  c('linguistic/punctuation', 'Punctuation', 'typographical', 'Missing, extra or wrong punctuation.'),
  c('linguistic/duplication', 'Duplication', 'duplication', 'A word or phrase repeated by mistake.'),
  c('linguistic/whitespace', 'Whitespace', 'whitespace', 'Missing or extra spaces.'),
  c('style/awkward', 'Awkward style', 'style', 'Correct but unidiomatic: reads as a translation.'),
  c('style/register', 'Register', 'register', 'Wrong level of formality for news.'),
  c('locale/name-format', 'Name transliteration', 'locale-violation', 'A name in its source-language spelling.'),
  c('locale/quote-marks', 'Quotation marks', 'locale-violation', 'Source-language quotation marks.'),
  c('locale/number-format', 'Number format', 'numbers', 'Decimal comma, date or unit in source format.'),
  c('audience/culture-specific', 'Culture-specific', 'locale-specific-content', 'Needs explaining to readers.'),
  c('design/page-furniture', 'Page furniture', 'markup', 'Breadcrumb, byline label, buttons, footer as text.'),
  c('design/link-residue', 'Link residue', 'markup', 'Link markers or link footers left in the text.'),
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

/** True when `value` is one of the severity ids. */
export function isSeverity(value: unknown): value is Severity {
  return severities.some((severity) => severity.id === value);
}
