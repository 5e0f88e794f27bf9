// A bounded pipeline: work started ahead on a window of items, results consumed strictly in the items' order.

/**
 * `work` over `items` with at most `limit` in flight, each result handed to `use` in the items' order (an import
 * writes the store in the same order with workers as without). The first error stops it and is thrown as it was;
 * work already started is left to settle.
 */
export async function inOrder<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => R | Promise<R>,
  use: (item: T, result: R) => void | Promise<void>,
): Promise<void> {
  const flight: Promise<R>[] = [];
  let next = 0;
  for (const item of items) {
    while (next < items.length && flight.length < Math.max(1, limit)) {
      const ahead = items[next++] as T;
      const promise = Promise.resolve().then(() => work(ahead));
      // Handled when its turn comes; until then (or after an earlier error) its rejection is not "unhandled".
      promise.catch(() => {});
      flight.push(promise);
    }
    await use(item, await (flight.shift() as Promise<R>));
  }
}
