// Rendered pages kept per article and data version, with the per-request parts left as placeholders.

/** Placeholders rendered into a cached page and filled in per request (all ASCII, so escaping leaves them alone). */
export const slot = {
  csrfToken: '@@mtr-csrf-token@@',
  reviewer: '@@mtr-reviewer@@',
  clientRequestId: '@@mtr-client-request-id@@',
} as const;

type Slots = Record<keyof typeof slot, string>;

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/**
 * Pages of one kind, per article: only the latest version of each article is kept (an older one can never be
 * asked for again), and within it one page per variant (the selected edit), up to `maxVariants`.
 */
export class PageCache {
  private readonly byArticle = new Map<string, { version: string; pages: Map<string, string> }>();
  private readonly maxVariants: number;

  constructor(maxVariants = 500) {
    this.maxVariants = maxVariants;
  }

  /** The page for (article, version, variant): cached, or rendered now by `render` and kept. */
  async get(article: string, version: string, variant: string, render: () => Promise<string>): Promise<string> {
    let entry = this.byArticle.get(article);
    if (entry?.version !== version) {
      entry = { version, pages: new Map() };
      this.byArticle.set(article, entry);
    }
    let page = entry.pages.get(variant);
    if (page === undefined) {
      page = await render();
      if (entry.pages.size >= this.maxVariants) entry.pages.clear();
      entry.pages.set(variant, page);
    }
    return page;
  }
}

const slotPattern = new RegExp(Object.values(slot).join('|'), 'g');

/** The cached page with this request's values in its slots (one pass over the page); values are HTML-escaped. */
export function fillSlots(page: string, values: Slots): string {
  const byPlaceholder = new Map<string, string>(
    Object.entries(slot).map(([key, placeholder]) => [placeholder, escapeHtml(values[key as keyof Slots])]),
  );
  return page.replace(slotPattern, (placeholder) => byPlaceholder.get(placeholder) ?? '');
}
