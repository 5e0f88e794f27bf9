// Rendered pages kept per article, data version and variant, cut at the slots where each request's own values go.
import { randomBytes } from 'node:crypto';

/** The per-request values of a cached page. */
export type Slots = { csrfToken: string; reviewer: string; clientRequestId: string };
type SlotName = keyof Slots;
const slotNames: readonly SlotName[] = ['csrfToken', 'reviewer', 'clientRequestId'];

/** A page cut at its slots: fragments[0], the value of slots[0], fragments[1], ..., the last fragment. */
export interface SlottedPage {
  /** UTF-8, encoded once when the page is cut, so that a request copies bytes instead of building a string. */
  fragments: Buffer[];
  slots: SlotName[];
  /** What the page holds in memory. */
  bytes: number;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/**
 * Markers for one render: random, made after the article's text was stored and never sent to anyone, so no stored
 * text can contain them (a fixed placeholder such as "@@csrf@@" in a verdict note was filled with the token).
 * Letters, digits and dashes only, so that HTML escaping leaves them as they are.
 */
function freshMarkers(): Slots {
  const nonce = randomBytes(16).toString('hex');
  return Object.fromEntries(slotNames.map((name) => [name, `mtr-slot-${nonce}-${name}`])) as Slots;
}

/** Cuts a page rendered with `markers` at each of them. */
function cutAtSlots(html: string, markers: Slots): SlottedPage {
  const byMarker = new Map(slotNames.map((name) => [markers[name], name]));
  const fragments: Buffer[] = [];
  const slots: SlotName[] = [];
  let from = 0;
  for (const match of html.matchAll(new RegExp([...byMarker.keys()].join('|'), 'g'))) {
    fragments.push(Buffer.from(html.slice(from, match.index)));
    slots.push(byMarker.get(match[0]) as SlotName);
    from = match.index + match[0].length;
  }
  fragments.push(Buffer.from(html.slice(from)));
  return { fragments, slots, bytes: fragments.reduce((sum, fragment) => sum + fragment.length, 0) };
}

/** The page with this request's values, HTML-escaped, between its fragments (UTF-8). */
export function fillSlots(page: SlottedPage, values: Slots): Buffer {
  const escaped = Object.fromEntries(slotNames.map((name) => [name, Buffer.from(escapeHtml(values[name]))])) as Record<
    SlotName,
    Buffer
  >;
  const parts: Buffer[] = [page.fragments[0] as Buffer];
  page.slots.forEach((slot, i) => {
    parts.push(escaped[slot], page.fragments[i + 1] as Buffer);
  });
  return Buffer.concat(parts);
}

interface Entry {
  article: string;
  version: string;
  page: SlottedPage;
}

/**
 * Pages of one kind, at most `maxBytes` in all, across articles: the least recently used goes first. Only the latest
 * version of an article is kept (an older one can never be asked for again). Callers pass a variant they resolved
 * (a known edit id), so that a request cannot create an entry by naming something that does not exist.
 */
export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private readonly maxBytes: number;
  private total = 0;

  constructor(maxBytes = 64 * 1024 * 1024) {
    this.maxBytes = maxBytes;
  }

  /** How many pages are kept. */
  get size(): number {
    return this.entries.size;
  }

  /** The memory the kept pages take, in bytes. */
  get bytes(): number {
    return this.total;
  }

  /** The page for (article, version, variant): cached, or rendered now by `render` with the markers it is given. */
  async get(
    article: string,
    version: string,
    variant: string,
    render: (markers: Slots) => Promise<string>,
  ): Promise<SlottedPage> {
    const key = JSON.stringify([article, variant]);
    const hit = this.entries.get(key);
    if (hit?.version === version) {
      // Map order is insertion order: taking the entry out and back in makes it the most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.page;
    }
    const markers = freshMarkers();
    const page = cutAtSlots(await render(markers), markers);
    this.store(key, { article, version, page });
    return page;
  }

  private store(key: string, entry: Entry): void {
    for (const [other, kept] of this.entries) {
      if (other === key || (kept.article === entry.article && kept.version !== entry.version)) this.remove(other);
    }
    if (entry.page.bytes > this.maxBytes) return;
    this.entries.set(key, entry);
    this.total += entry.page.bytes;
    for (const [oldest] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.remove(oldest);
    }
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.page.bytes;
  }
}
