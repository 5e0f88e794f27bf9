// `npm run bench [NAME...]`: runs the benchmarks (all, or those named); each prints its own figures and ratios.
import { benchChecks } from './checks.ts';
import { benchDiff } from './diff.ts';
import { benchHttp } from './http.ts';
import { benchIngest } from './ingest.ts';
import { benchList } from './list.ts';
import { benchPage } from './page.ts';
import { benchPg } from './pg.ts';
import { benchRecurring } from './recurring.ts';
import { benchReviewerStats } from './reviewer-stats.ts';
import { benchScale } from './scale.ts';
import { benchStats } from './stats.ts';
import { benchTer } from './ter.ts';

const benches: [string, () => Promise<void>][] = [
  ['diff', benchDiff],
  ['checks', benchChecks],
  ['ter', benchTer],
  ['http', benchHttp],
  ['stats', () => benchStats()],
  ['page', benchPage],
  ['recurring', () => benchRecurring()],
  ['ingest', benchIngest],
  ['reviewer-stats', () => benchReviewerStats()],
  ['pg', benchPg],
  ['scale', benchScale],
  ['list', benchList],
];

// Options (--100k) belong to the benches that read them.
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const unknown = only.filter((name) => !benches.some(([known]) => known === name));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${benches.map(([name]) => name).join(', ')}`);
  process.exit(2);
}
for (const [name, bench] of benches) {
  // `scale` takes minutes: only when named.
  if (only.includes(name) || (only.length === 0 && name !== 'scale')) await bench();
}
