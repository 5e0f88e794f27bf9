// Timing helpers shared by the benchmarks: median of repeated runs, and a plain table printer.

/** Median milliseconds of `runs` calls of `fn` after `warmup` untimed calls. */
export function medianMs(fn: () => unknown, runs = 7, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

/** Median milliseconds of `runs` awaited calls of `fn` after `warmup` untimed ones. */
export async function medianMsAsync(fn: () => Promise<unknown>, runs = 7, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

/** Prints rows as an aligned table under a title. */
export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  console.log(`\n${title}`);
  for (const row of cells) console.log(row.map((cell, i) => cell.padStart(widths[i] as number)).join('  '));
}

/** A number with `digits` decimals. */
export const fixed = (value: number, digits = 2) => value.toFixed(digits);
