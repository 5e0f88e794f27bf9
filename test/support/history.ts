// Reads an article's whole verdict history through the paged API, following `next` links (oldest first).
import type { TestServer } from './server.ts';

/** A verdict as the history routes answer it. */
export interface ApiVerdict {
  id: number;
  editId: string;
  reviewerName: string;
  decision: string;
  note: string | null;
}

/** Every verdict on the article, oldest first, read page by page (`limit` per page). */
export async function articleHistory(server: TestServer, articleId: string, limit = 50): Promise<ApiVerdict[]> {
  const all: ApiVerdict[] = [];
  let next: string | null = `/api/articles/${encodeURIComponent(articleId)}/verdicts?limit=${limit}`;
  while (next) {
    const response = await server.api(next);
    if (response.status !== 200) throw new Error(`${next} answered ${response.status}`);
    const page = (await response.json()) as { verdicts: ApiVerdict[]; next: string | null };
    all.push(...page.verdicts);
    next = page.next;
  }
  return all.reverse();
}
