// Accepted corrections as running counts, and the recurring ones (in two or more articles) kept in their shown order,
// so that reading them after one article changed costs that article's corrections, not the corpus's.
import type { AcceptedCorrection, RecurringCorrection } from './corrections.ts';

/** One (MT text, correction): how often in each article, and its articles' ids. */
interface Entry {
  mtText: string;
  correctedText: string;
  byArticle: Map<string, number>;
  count: number;
  /** The ids of byArticle; sorted once `sorted`, and then kept sorted. */
  articles: string[];
  sorted: boolean;
  /** Whether `articles` was handed out (in a RecurringCorrection): it is then copied before it changes. */
  shared: boolean;
}

const key = (c: { mtText: string; correctedText: string }) => `${c.mtText}\u0000${c.correctedText}`;
const codeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The shown order: most frequent first, then by MT text and correction (a total order: the same in any history). */
export function recurringOrder(a: RecurringCorrection, b: RecurringCorrection): number {
  return b.count - a.count || codeUnits(a.mtText, b.mtText) || codeUnits(a.correctedText, b.correctedText);
}

/** The index at which `item` is, or would be inserted, in `list` sorted by `order`. */
function position<T>(list: readonly T[], item: T, order: (a: T, b: T) => number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (order(list[middle] as T, item) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Accepted corrections by (MT text, correction), and those accepted in two or more articles, in shown order. */
export class RecurringIndex {
  private readonly entries = new Map<string, Entry>();
  /** The recurring corrections as last read (never changed once read: a new array is made), and their keys. */
  private list: RecurringCorrection[] = [];
  private readonly listed = new Map<string, RecurringCorrection>();
  /** Keys changed since the list was last read. */
  private readonly dirty = new Set<string>();

  /** Adds one article's accepted correction (sign 1) or takes it back (sign -1). */
  apply(article: string, c: AcceptedCorrection, sign: 1 | -1): void {
    const k = key(c);
    let entry = this.entries.get(k);
    if (!entry) {
      const { mtText, correctedText } = c;
      entry = { mtText, correctedText, byArticle: new Map(), count: 0, articles: [], sorted: false, shared: false };
      this.entries.set(k, entry);
    }
    const before = entry.byArticle.get(article);
    const count = (before ?? 0) + sign * c.count;
    entry.count += sign * c.count;
    if (count === 0) {
      entry.byArticle.delete(article);
      if (before !== undefined) this.removeArticle(entry, article);
    } else {
      entry.byArticle.set(article, count);
      if (before === undefined) this.addArticle(entry, article);
    }
    if (entry.byArticle.size === 0) this.entries.delete(k);
    this.dirty.add(k);
  }

  private own(entry: Entry): void {
    if (!entry.shared) return;
    entry.articles = entry.articles.slice();
    entry.shared = false;
  }

  private addArticle(entry: Entry, article: string): void {
    this.own(entry);
    if (entry.sorted) entry.articles.splice(position(entry.articles, article, codeUnits), 0, article);
    else entry.articles.push(article);
  }

  private removeArticle(entry: Entry, article: string): void {
    this.own(entry);
    const at = entry.sorted ? position(entry.articles, article, codeUnits) : entry.articles.indexOf(article);
    entry.articles.splice(at, 1);
  }

  /** Ids are pushed unsorted while many parts come in at once (a start), and sorted once when read. */
  private view(entry: Entry): RecurringCorrection {
    if (!entry.sorted) {
      entry.articles.sort(); // code-unit order, as codeUnits (without a comparator: faster)
      entry.sorted = true;
    }
    entry.shared = true;
    return { mtText: entry.mtText, correctedText: entry.correctedText, count: entry.count, articles: entry.articles };
  }

  /** The corrections accepted in two or more articles, in shown order; the array and its items are not to be changed. */
  recurring(): RecurringCorrection[] {
    if (this.dirty.size === 0) return this.list;
    // Many changes (a start, a large import): sorting anew is cheaper than moving items one by one.
    if (this.dirty.size > 64 && this.dirty.size * 8 > this.list.length) {
      this.listed.clear();
      for (const [k, entry] of this.entries) {
        if (entry.byArticle.size >= 2) this.listed.set(k, this.view(entry));
      }
      this.list = [...this.listed.values()].sort(recurringOrder);
    } else {
      const list = this.list.slice();
      for (const k of this.dirty) {
        const old = this.listed.get(k);
        if (old) list.splice(position(list, old, recurringOrder), 1);
        const entry = this.entries.get(k);
        if (entry && entry.byArticle.size >= 2) {
          const shown = this.view(entry);
          list.splice(position(list, shown, recurringOrder), 0, shown);
          this.listed.set(k, shown);
        } else this.listed.delete(k);
      }
      this.list = list;
    }
    this.dirty.clear();
    return this.list;
  }
}
