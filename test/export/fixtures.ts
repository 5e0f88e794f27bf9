// Export test inputs: the seed article and a small nasty one, as ArticleReviews with made-up verdict histories.
import { readFileSync } from 'node:fs';
import { extractEdits } from '../../src/diff/index.ts';
import { activityOf } from '../../src/review/activity.ts';
import type { ArticleReview, StoredEdit, VerdictRecord } from '../../src/review/article-review.ts';

/** Text that breaks naive escaping: quotes, tab, `<script>`, `&amp;`, `]]>`, U+0001, emoji, Markdown markers. */
export const NASTY_MT =
  'Title: "Quotes" & <script>alert(\'x\')</script>\n\n' +
  'Home page politics\n\n' +
  'Tab\there &amp; ]]> end. Emoji 🎉 and ctrl\u0001char in China*.\n\n' +
  '# Not a heading\n- not a list\n1. not ordered\n> not quote\n';

/** The post-edit of NASTY_MT: curly quotes, the breadcrumb removed, one more emoji, the link marker gone, `<b>` added. */
export const NASTY_CORRECTED =
  "Title: “Quotes” & <script>alert('x')</script>\n\n" +
  'Tab\there &amp; ]]> end. Emoji 🎉🎉 and ctrl\u0001char in China.\n\n' +
  '# Not a heading\n- not a list\n1. not ordered\n> not quote <b>\n';

/** A German original with as many paragraphs as NASTY_MT. */
export const NASTY_SOURCE =
  'Titel: „Zitate“ & <script>\n\nStartseite Politik\n\nTab\tda &amp; ]]> Ende. Emoji 🎉 und Strg\u0001Zeichen in China*.\n\n' +
  '# Keine Überschrift\n- keine Liste';

/** A reviewer name and a note with every character that needs escaping somewhere. */
export const NASTY_REVIEWER = 'Ann "the <b>boss</b>" O\'Neil,\t&amp;';
export const NASTY_NOTE = 'Use “curly” quotes,\tplease\nline 2: ]]> <script>x</script> &amp; \u0001 🎉 "q"';

/** A time on the day the fixtures were reviewed: `minute` minutes past ten. */
export const at = (minute: number) => `2024-05-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

let nextId = 1;
/** A verdict with defaults; ids grow in creation order like the store's. */
export function verdict(editId: string, fields: Partial<VerdictRecord>): VerdictRecord {
  return {
    id: nextId++,
    editId,
    reviewer: 'Bob',
    decision: 'accept',
    category: null,
    severity: null,
    note: null,
    amendedText: null,
    createdAt: at(0),
    ...fields,
  };
}

const stored = (edits: ReturnType<typeof extractEdits>): StoredEdit[] =>
  edits.map((edit) => ({ ...edit, status: 'current' }));

/** The nasty article; `withSource` adds the German original. Edits 0-5 in MT order, plus one stale edit. */
export function nastyReview(withSource = false): ArticleReview {
  const edits = stored(extractEdits(NASTY_MT, NASTY_CORRECTED, { salt: 'nasty' }));
  const [open, close, breadcrumb, emoji, marker, bold] = edits.map((edit) => edit.id) as string[];
  // Stale: from an older post-edit, overlapping a current edit; applying it would make applyVerdicts throw.
  const stale: StoredEdit = {
    ...(edits[0] as StoredEdit),
    id: 'stale-1',
    mtText: 'Title: "Qu',
    correctedText: 'STALE',
  };
  Object.assign(stale, { mtStart: 0, mtEnd: 10, status: 'stale' });
  const verdicts = [
    verdict(open as string, {
      reviewer: NASTY_REVIEWER,
      category: 'locale/quote-marks',
      severity: 'minor',
      note: NASTY_NOTE,
      createdAt: at(1),
    }),
    verdict(close as string, { reviewer: 'Bob', decision: 'accept', createdAt: at(2) }),
    // Later and by someone else: the reject stands.
    verdict(close as string, {
      reviewer: NASTY_REVIEWER,
      decision: 'reject',
      note: 'straight "is" fine',
      createdAt: at(3),
    }),
    verdict(breadcrumb as string, { category: 'design/page-furniture', severity: 'major', createdAt: at(4) }),
    verdict(emoji as string, {
      decision: 'amend',
      amendedText: '🎉✨',
      category: 'style/awkward',
      severity: 'neutral',
      createdAt: at(5),
    }),
    verdict(bold as string, { category: 'linguistic/punctuation', severity: 'critical', createdAt: at(6) }),
    verdict('stale-1', { decision: 'accept', createdAt: at(7) }),
  ];
  void marker; // left undecided
  return {
    id: 'nasty-article',
    meta: { title: '# "Nasty" <i>title</i> & co\tend', url: 'https://example.org/a?b=1&c="2"' },
    mt: NASTY_MT,
    corrected: NASTY_CORRECTED,
    source: withSource ? NASTY_SOURCE : null,
    edits: [...edits.slice(0, 1), stale, ...edits.slice(1)].sort((a, b) => a.mtStart - b.mtStart),
    verdicts,
    activity: activityOf(verdicts),
  };
}

/** The ids of the nasty article's current edits, by role. */
export function nastyIds(review: ArticleReview) {
  const ids = review.edits.filter((edit) => edit.status === 'current').map((edit) => edit.id);
  const [open, close, breadcrumb, emoji, marker, bold] = ids as string[];
  return { open, close, breadcrumb, emoji, marker, bold } as Record<string, string>;
}

const seedDir = new URL('../../corpus/lavrov-in-china/', import.meta.url);

/** The seed article with its real edits: of the first eight, #3 amended, #6 rejected, the rest accepted; others undecided. */
export function seedReview(): ArticleReview {
  const mt = readFileSync(new URL('mt.txt', seedDir), 'utf8');
  const corrected = readFileSync(new URL('corrected.txt', seedDir), 'utf8');
  const meta = JSON.parse(readFileSync(new URL('article.json', seedDir), 'utf8'));
  const edits = stored(extractEdits(mt, corrected, { salt: 'lavrov-in-china' }));
  const verdicts = edits.slice(0, 8).map((edit, index) =>
    verdict(edit.id, {
      reviewer: index % 2 === 0 ? 'Ann' : 'Bob',
      decision: index === 6 ? 'reject' : index === 3 ? 'amend' : 'accept',
      amendedText: index === 3 ? 'visited China' : null,
      category: index < 3 ? 'design/page-furniture' : 'style/awkward',
      severity: index === 3 ? 'major' : 'minor',
      createdAt: at(10 + index),
    }),
  );
  return { id: 'lavrov-in-china', meta, mt, corrected, source: null, edits, verdicts, activity: activityOf(verdicts) };
}
