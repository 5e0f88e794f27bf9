// Our taxonomy in the words of the WMT MQM data sets (Freitag et al. 2021): category strings and severities.
import type { Severity } from './taxonomy.ts';
import { WMT_CATEGORY } from './wmt-categories.ts';

/** The WMT category string of one of our categories (see WMT_CATEGORY); `Other` for none or an unknown one. */
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
