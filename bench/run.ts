// `npm run bench [NAME...]`: runs the benchmarks (all, or those named); each prints its own figures and ratios.
import { benchChecks } from './checks.ts';
import { benchDiff } from './diff.ts';
import { benchHttp } from './http.ts';
import { benchList } from './list.ts';
import { benchPage } from './page.ts';
import { benchStats } from './stats.ts';
import { benchTer } from './ter.ts';

const benches: [string, () => Promise<void>][] = [
  ['diff', benchDiff],
  ['checks', benchChecks],
  ['ter', benchTer],
  ['http', benchHttp],
  ['stats', () => benchStats()],
  ['page', benchPage],
  ['list', benchList],
];

const only = process.argv.slice(2);
const unknown = only.filter((name) => !benches.some(([known]) => known === name));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${benches.map(([name]) => name).join(', ')}`);
  process.exit(2);
}
for (const [name, bench] of benches) {
  if (only.length === 0 || only.includes(name)) await bench();
}
