// An article's edits from its texts alone (checks, then the diff labelled by them): in-process or in a worker thread.
import type { NameVariantLookup } from '../checks/name-index.ts';
import { runChecks } from '../checks/registry.ts';
import { extraSuggestionEdits, type LabelledEdit, labelEdits, suggestionEdits } from '../checks/suggestions.ts';
import type { CorpusText } from '../checks/types.ts';
import type { LoadedArticle } from '../corpus/types.ts';
import { extractEdits } from '../diff/index.ts';

/**
 * The edits of an article whose post-edit is `corrected` (undefined: none). With one: its edits, labelled by the
 * checks that explain them, plus what the checks found that it missed. Without: the checks' suggestions.
 */
export function articleEdits(
  article: Pick<LoadedArticle, 'id' | 'mt'>,
  corrected: string | undefined,
  corpus: readonly CorpusText[] = [],
  nameIndex?: NameVariantLookup,
): LabelledEdit[] {
  const findings = runChecks(article.mt, { articleId: article.id, corpus, nameIndex });
  if (corrected === undefined) return suggestionEdits(article.mt, findings, article.id);
  const postEdit = labelEdits(extractEdits(article.mt, corrected, { salt: article.id }), findings, false);
  const extras = extraSuggestionEdits(article.mt, postEdit, findings, article.id);
  return [...postEdit, ...extras].sort((a, b) => a.mtStart - b.mtStart);
}
