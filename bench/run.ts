// `npm run bench`: runs every benchmark in turn; each prints its own figures and ratios.
import { benchDiff } from './diff.ts';

const benches: [string, () => Promise<void>][] = [['diff', benchDiff]];

const only = process.argv.slice(2);
for (const [name, bench] of benches) {
  if (only.length > 0 && !only.includes(name)) continue;
  await bench();
}
