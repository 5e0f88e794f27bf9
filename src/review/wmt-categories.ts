// Our categories in the words of the WMT MQM data sets (Freitag et al. 2021), both ways: what we write, what we read.

/**
 * Our category → the category string of the WMT MQM files. Only two strings change a WMT score
 * (`Fluency/Punctuation`: a Minor one weighs 0.1; `Non-translation!`: 25), the rest are for reading, so the
 * table keeps the WMT file's strings exactly. Choices where WMT has no own class:
 * - quotation marks are punctuation in WMT's guidelines ("punctuation incorrect for the locale"), so
 *   `Fluency/Punctuation`, like our punctuation; so is whitespace, WMT's only typographic class;
 * - word order and doubled words are grammar; a name spelled two ways is an inconsistency;
 * - page furniture and link residue are text the source article's content does not have: `Accuracy/Addition`;
 * - a number in source format misstates the number to an English reader: `Accuracy/Mistranslation`;
 * - a dimension's own category (`accuracy/other`) is the WMT dimension alone (`Accuracy`), as WMT raters had no
 *   "other" per dimension; audience and design, which WMT lacks, are `Other`.
 */
export const WMT_CATEGORY: Readonly<Record<string, string>> = {
  'terminology/wrong-term': 'Terminology/Inappropriate for context',
  'terminology/inconsistent-entity': 'Fluency/Inconsistency',
  'terminology/other': 'Terminology',
  'accuracy/mistranslation': 'Accuracy/Mistranslation',
  'accuracy/omission': 'Accuracy/Omission',
  'accuracy/addition': 'Accuracy/Addition',
  'accuracy/untranslated': 'Accuracy/Untranslated text',
  'accuracy/non-translation': 'Non-translation!',
  'accuracy/other': 'Accuracy',
  'linguistic/grammar': 'Fluency/Grammar',
  'linguistic/word-order': 'Fluency/Grammar',
  'linguistic/spelling': 'Fluency/Spelling',
  'linguistic/punctuation': 'Fluency/Punctuation',
  'linguistic/duplication': 'Fluency/Grammar',
  'linguistic/whitespace': 'Fluency/Punctuation',
  'linguistic/other': 'Fluency',
  'style/awkward': 'Style/Awkward',
  'style/register': 'Fluency/Register',
  'style/other': 'Style',
  'locale/name-format': 'Locale convention/Name format',
  'locale/quote-marks': 'Fluency/Punctuation',
  'locale/number-format': 'Accuracy/Mistranslation',
  'locale/other': 'Locale convention',
  'audience/culture-specific': 'Other',
  'audience/other': 'Other',
  'design/page-furniture': 'Accuracy/Addition',
  'design/link-residue': 'Accuracy/Addition',
  'design/other': 'Other',
  'other/other': 'Other',
};

/**
 * Every category label of the WMT MQM rating scheme (Freitag et al. 2021, table 10, with the data's own spellings)
 * → the category a verdict stores for it. Where several of ours write one WMT label, the label reads back as the
 * most general of them (`Fluency/Grammar` is grammar, not word order). Where we have no class of WMT's, the label
 * reads as its dimension's own category (`Fluency/Character encoding`: `linguistic/other`), dates, times, money and
 * telephone numbers as our number format, and a rater's `Source error` as `other/other`.
 */
export const WMT_LABELS: Readonly<Record<string, string>> = {
  'Accuracy/Addition': 'accuracy/addition',
  'Accuracy/Omission': 'accuracy/omission',
  'Accuracy/Mistranslation': 'accuracy/mistranslation',
  'Accuracy/Untranslated text': 'accuracy/untranslated',
  'Fluency/Punctuation': 'linguistic/punctuation',
  'Fluency/Spelling': 'linguistic/spelling',
  'Fluency/Grammar': 'linguistic/grammar',
  'Fluency/Register': 'style/register',
  'Fluency/Inconsistency': 'terminology/inconsistent-entity',
  'Fluency/Character encoding': 'linguistic/other',
  'Terminology/Inappropriate for context': 'terminology/wrong-term',
  'Terminology/Inconsistent use of terminology': 'terminology/inconsistent-entity',
  'Terminology/Inconsistent use': 'terminology/inconsistent-entity',
  'Style/Awkward': 'style/awkward',
  'Locale convention/Address format': 'locale/other',
  'Locale convention/Currency format': 'locale/number-format',
  'Locale convention/Date format': 'locale/number-format',
  'Locale convention/Name format': 'locale/name-format',
  'Locale convention/Telephone format': 'locale/number-format',
  'Locale convention/Time format': 'locale/number-format',
  'Non-translation!': 'accuracy/non-translation',
  'Non-translation': 'accuracy/non-translation',
  'Source error': 'other/other',
  Other: 'other/other',
};
