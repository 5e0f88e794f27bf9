// Our taxonomy in the words of the WMT MQM data sets (Freitag et al. 2021): category strings and severities.
import type { Severity } from '../review/taxonomy.ts';

/**
 * Our category → the category string of the WMT MQM files. Only two strings change a WMT score
 * (`Fluency/Punctuation`: a Minor one weighs 0.1; `Non-translation!`: 25), the rest are for reading, so the
 * table keeps the WMT file's strings exactly. Choices where WMT has no own class:
 * - quotation marks are punctuation in WMT's guidelines ("punctuation incorrect for the locale"), so
 *   `Fluency/Punctuation`, like our punctuation; so is whitespace, WMT's only typographic class;
 * - word order and doubled words are grammar; a name spelled two ways is an inconsistency;
 * - page furniture and link residue are text the source article's content does not have: `Accuracy/Addition`;
 * - a number in source format misstates the number to an English reader: `Accuracy/Mistranslation`;
 * - `Non-translation!` (a whole segment beyond rating) is never produced: every edit we record is one span.
 */
export const WMT_CATEGORY: Readonly<Record<string, string>> = {
  'terminology/wrong-term': 'Terminology/Inappropriate for context',
  'terminology/inconsistent-entity': 'Fluency/Inconsistency',
  'accuracy/mistranslation': 'Accuracy/Mistranslation',
  'accuracy/omission': 'Accuracy/Omission',
  'accuracy/addition': 'Accuracy/Addition',
  'accuracy/untranslated': 'Accuracy/Untranslated text',
  'linguistic/grammar': 'Fluency/Grammar',
  'linguistic/word-order': 'Fluency/Grammar',
  'linguistic/spelling': 'Fluency/Spelling',
  'linguistic/punctuation': 'Fluency/Punctuation',
  'linguistic/duplication': 'Fluency/Grammar',
  'linguistic/whitespace': 'Fluency/Punctuation',
  'style/awkward': 'Style/Awkward',
  'style/register': 'Fluency/Register',
  'locale/name-format': 'Locale convention/Name format',
  'locale/quote-marks': 'Fluency/Punctuation',
  'locale/number-format': 'Accuracy/Mistranslation',
  'audience/culture-specific': 'Other',
  'design/page-furniture': 'Accuracy/Addition',
  'design/link-residue': 'Accuracy/Addition',
  'other/other': 'Other',
};

/** The WMT category string of one of our categories; `Other` for none or an unknown one. */
export function wmtCategoryOf(categoryId: string | null): string {
  return (categoryId === null ? undefined : WMT_CATEGORY[categoryId]) ?? 'Other';
}

/**
 * The WMT severity word of one of our severities. WMT raters had no Critical: their worst errors are Major, so
 * ours are too (weight 5, not MQM 2.0's 25). An error without a severity counts as Minor, the least that still
 * counts in every scoring model.
 */
export function wmtSeverityOf(severity: Severity | null): 'Major' | 'Minor' | 'Neutral' {
  if (severity === 'major' || severity === 'critical') return 'Major';
  return severity === 'neutral' ? 'Neutral' : 'Minor';
}
