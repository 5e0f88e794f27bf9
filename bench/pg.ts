// `npm run bench pg`: PostgreSQL against SQLite in the same run (verdict POSTs, review page), two instances against
// one (on the shared cores, and each held to a CPU quota), cross-instance visibility, and kill -9 of an instance during
// a verdict burst. Every server is `mt-review serve` in a child process; PostgreSQL is DATABASE_URL's server, else a
// throwaway cluster started as the tests start one.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importCorpus } from '../src/import-corpus.ts';
import { createApiToken, createReviewer, listEdits, openStore } from '../src/store/index.ts';
import { openEventStream } from '../test/support/events.ts';
import { type ChildInstance, killDuringBurst, startChildInstance } from '../test/support/instances.ts';
import { createDatabase } from '../test/support/postgres.ts';
import { findPostgresBin, startPostgresCluster } from '../test/support/postgres-cluster.ts';
import { holdToCpuQuota } from './cpu-quota.ts';
import { type AutocannonOptions, type AutocannonResult, autocannon, verdictRequests } from './http.ts';
import { fixed, printTable, withMachineLoad } from './measure.ts';
import { withProcessCpu } from './process-cpu.ts';

const seedCorpus = fileURLToPath(new URL('../corpus', import.meta.url));
const article = 'lavrov-in-china';
// A newsroom's reviewers work on many articles at once: the verdicts go round the seed's edits in this many copies.
const articles = 10;
const connections = 20;
const durationS = 5;
const killTrials = 10;
const latencySamples = 20;
// Rounds of each engine in turn (see alternating).
const rounds = 3;
// Two instances against one with each held to this share of a core (see underQuota), in this many rounds.
const quotaShare = 0.4;
const quotaRounds = 5;

/** A PostgreSQL server to create the bench's databases on, or undefined (and why) when there is none. */
async function postgresServer(): Promise<{ url: string; what: string; stop(): Promise<void> } | string> {
  const given = process.env.DATABASE_URL;
  if (given) return { url: given, what: 'the server in DATABASE_URL', stop: async () => undefined };
  const bin = findPostgresBin();
  if (!bin) return 'no PostgreSQL binaries (initdb, pg_ctl) and no DATABASE_URL';
  const cluster = await startPostgresCluster(bin);
  return { url: cluster.url, what: `a throwaway ${cluster.description} cluster`, stop: cluster.stop };
}

/** `articles` copies of the seed in `folder`: the first under the seed's id, the others numbered after it. */
function spreadCorpus(folder: string): { corpus: string; ids: string[] } {
  const corpus = join(folder, 'corpus');
  const ids = Array.from({ length: articles }, (_, i) => (i === 0 ? article : `${article}-${i + 1}`));
  for (const id of ids) cpSync(join(seedCorpus, article), join(corpus, id), { recursive: true });
  return { corpus, ids };
}

/**
 * The corpus imported, a reviewer and a token: what every instance on `location` serves. The edit ids alternate
 * between the articles, so that verdicts arriving together are spread over them.
 */
async function prepare(
  location: string,
  corpus: string,
  ids: string[],
): Promise<{ token: string; editIds: string[]; seedEditIds: string[]; halves: [string[], string[]] }> {
  const store = await openStore(location);
  try {
    await importCorpus(store, corpus);
    const reviewer = await createReviewer(store, 'bench', 'correct horse battery staple');
    const perArticle = await Promise.all(ids.map(async (id) => (await listEdits(store, id)).map((edit) => edit.id)));
    const longest = Math.max(...perArticle.map((edits) => edits.length));
    const spread = (lists: string[][]) =>
      Array.from({ length: longest }, (_, at) => lists.flatMap((edits) => edits[at] ?? [])).flat();
    const token = await createApiToken(store, reviewer.id, 'bench');
    const half = Math.ceil(perArticle.length / 2);
    return {
      token,
      editIds: spread(perArticle),
      seedEditIds: perArticle[0] ?? [],
      // The articles in two halves, each spread as above: two instances whose reviewers never share an article.
      halves: [spread(perArticle.slice(0, half)), spread(perArticle.slice(half))],
    };
  } finally {
    await store.close();
  }
}

const run = (url: string, path: string, extra: Partial<AutocannonOptions>, duration = durationS, conns = connections) =>
  autocannon({ url: `${url}${path}`, connections: conns, duration, ...extra });

/** Review page and verdict POST rates of one instance, after a second of each to warm it. */
async function rates(instance: ChildInstance, token: string, editIds: string[], warm: boolean) {
  const bearer = { headers: { Authorization: `Bearer ${token}` } };
  if (warm) {
    await run(instance.url, `/articles/${article}`, bearer, 1);
    await run(instance.url, '/', { requests: verdictRequests(token, editIds) }, 1);
  }
  const page = await run(instance.url, `/articles/${article}`, bearer);
  const {
    result: { result: verdicts, cpu },
    busy,
  } = await withMachineLoad(() =>
    withProcessCpu([instance.child.pid ?? 0], () =>
      run(instance.url, '/', { requests: verdictRequests(token, editIds) }),
    ),
  );
  return { page, verdicts, busy, cpu };
}

type Rates = Awaited<ReturnType<typeof rates>>;

/**
 * Both engines measured in turn, `rounds` times, and SQLite once more at the end: this VM's speed drifts by up to 2×
 * over minutes, so each PostgreSQL run is set against the mean of the SQLite runs just before and just after it
 * (seconds apart on either side), and the median round's ratio reported, with every round's beside it.
 */
async function alternating(
  sqlite: ChildInstance,
  postgres: ChildInstance,
  lite: { token: string; editIds: string[] },
  pg: { token: string; editIds: string[] },
) {
  const sqliteRuns: Rates[] = [];
  const postgresRuns: Rates[] = [];
  for (let round = 0; round < rounds; round++) {
    sqliteRuns.push(await rates(sqlite, lite.token, lite.editIds, round === 0));
    postgresRuns.push(await rates(postgres, pg.token, pg.editIds, round === 0));
  }
  sqliteRuns.push(await rates(sqlite, lite.token, lite.editIds, false));
  const runs = postgresRuns.map((postgres, i) => ({
    sqlite: sqliteRuns[i] as Rates,
    postgres,
    sqliteAfter: sqliteRuns[i + 1] as Rates,
  }));
  const ratios = (measure: 'page' | 'verdicts') =>
    runs.map(
      (r) =>
        r.postgres[measure].requests.average /
        ((r.sqlite[measure].requests.average + r.sqliteAfter[measure].requests.average) / 2),
    );
  return { runs, ratios };
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

const failures = (r: AutocannonResult) => r.non2xx + r.errors + r.timeouts;
const target = (ratio: number, wanted: number) => (ratio >= wanted ? `ok (≥ ${wanted}×)` : `BELOW ${wanted}×`);

const mean = (a: number, b: number) => (a + b) / 2;

/**
 * Two instances against one with each instance held to `quotaShare` of a core, as if each had a machine of its own:
 * on this machine's two cores, two unbounded instances share them with PostgreSQL and the load generator, and what a
 * second instance adds is bounded by the cores left, not by the database. One instance alone and both at once in
 * turn, `quotaRounds` times and the one alone once more; each instance gets the `connections` the one alone had, so
 * that each is as loaded. Answers why not where the machine cannot hold processes to a quota.
 */
async function underQuota(a: ChildInstance, b: ChildInstance, requests: () => Partial<AutocannonOptions>) {
  const pids = [a.child.pid ?? 0, b.child.pid ?? 0];
  const held = holdToCpuQuota(pids, quotaShare);
  if (typeof held === 'string') return held;
  try {
    await Promise.all([a, b].map((instance) => run(instance.url, '/', requests(), 2)));
    const alone = () => withProcessCpu(pids, async () => [await run(a.url, '/', requests())]);
    const both = () => withProcessCpu(pids, () => Promise.all([a, b].map((i) => run(i.url, '/', requests()))));
    const ones = [await alone()];
    const twos: Awaited<ReturnType<typeof both>>[] = [];
    for (let round = 0; round < quotaRounds; round++) {
      twos.push(await both());
      ones.push(await alone());
    }
    const rateOf = (runs: AutocannonResult[]) => runs.reduce((sum, r) => sum + r.requests.average, 0);
    const ratios = twos.map(
      (two, i) =>
        rateOf(two.result) / mean(rateOf((ones[i] as typeof two).result), rateOf((ones[i + 1] as typeof two).result)),
    );
    // How much of its quota each instance used: near 100% alone says the one instance was saturated.
    const ofQuota = (seconds: number) => `${fixed((seconds / (quotaShare * durationS)) * 100, 0)}%`;
    return {
      ratios,
      rates: ones.map((one, i) => {
        const two = twos[i];
        return `${fixed(rateOf(one.result), 0)}${two ? `/${fixed(rateOf(two.result), 0)}` : ''}`;
      }),
      quotaUse: `alone ${ones.map((one) => ofQuota(one.cpu.pids[0] as number)).join(', ')}; both ${twos
        .map((two) => two.cpu.pids.map(ofQuota).join('+'))
        .join(', ')}`,
      failed: [...ones, ...twos].reduce((n, r) => n + r.result.reduce((m, x) => m + failures(x), 0), 0),
    };
  } finally {
    held.release();
  }
}

/** Milliseconds from a verdict's POST on A until B's event stream tells of it, `latencySamples` times. */
async function visibility(a: ChildInstance, b: ChildInstance, token: string, editIds: string[]) {
  const stream = await openEventStream(`${b.url}/api/articles/${article}/events`, { Authorization: `Bearer ${token}` });
  const times: number[] = [];
  let seenOnLoad = 0;
  try {
    await stream.next((event) => event.event === 'ready');
    for (let n = 0; n < latencySamples; n++) {
      const sent = performance.now();
      const response = await fetch(`${a.url}/api/edits/${editIds[n % editIds.length]}/verdicts`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ decision: n % 2 ? 'accept' : 'reject', clientRequestId: `latency-${n}` }),
      });
      const { verdict } = (await response.json()) as { verdict: { id: number } };
      const change = stream.next((event) => event.event === 'change', 5_000);
      // The next load on B: the article as B serves it has the verdict.
      const loaded = (await (
        await fetch(`${b.url}/api/articles/${article}`, { headers: { Authorization: `Bearer ${token}` } })
      ).json()) as { edits: { verdicts: { id: number }[] }[] };
      if (loaded.edits.some((edit) => edit.verdicts.some((v) => v.id === verdict.id))) seenOnLoad++;
      await change;
      times.push(performance.now() - sent);
      // Later changes must not answer for this one.
      await new Promise((resolve) => setTimeout(resolve, 50));
      stream.events.splice(0);
    }
  } finally {
    stream.close();
  }
  times.sort((x, y) => x - y);
  return { median: times[Math.floor(times.length / 2)] as number, max: times.at(-1) as number, seenOnLoad };
}

/** kill -9 of an instance after 40 acknowledged verdicts of an 8-worker burst; the acknowledged ones not stored. */
async function killTrial(location: string, corpus: string, token: string, editIds: string[], trial: number) {
  const store = await openStore(location);
  try {
    const { acknowledged, lost } = await killDuringBurst({
      location,
      corpus,
      store,
      token,
      editIds,
      prefix: `bench-kill-${trial}`,
    });
    return { acknowledged: acknowledged.length, stored: acknowledged.length - lost.length, lost: lost.length };
  } finally {
    await store.close();
  }
}

export async function benchPg(): Promise<void> {
  const server = await postgresServer();
  if (typeof server === 'string') {
    console.log(`\nPostgreSQL bench SKIPPED: ${server} (apt-get install postgresql, or set DATABASE_URL)`);
    return;
  }
  const folder = mkdtempSync(join(tmpdir(), 'mt-review-bench-pg-'));
  const sqliteFile = join(folder, 'bench.db');
  const database = await createDatabase(server.url, 'bench');
  const { corpus, ids } = spreadCorpus(folder);
  const running: ChildInstance[] = [];
  const start = async (location: string) => {
    const instance = await startChildInstance(location, corpus);
    running.push(instance);
    return instance;
  };
  try {
    console.log(`\nPostgreSQL: ${server.what}; SQLite: ${sqliteFile}`);
    const lite = await prepare(sqliteFile, corpus, ids);
    const pg = await prepare(database.url, corpus, ids);

    const sqliteInstance = await start(sqliteFile);
    const a = await start(database.url);
    const { runs, ratios } = await alternating(sqliteInstance, a, lite, pg);
    await sqliteInstance.stop();
    // The round of the median verdict ratio stands for PostgreSQL's rate below (two instances against one).
    const verdictRatios = ratios('verdicts');
    const medianRound = runs[verdictRatios.indexOf(median(verdictRatios))] as (typeof runs)[number];
    const onPostgres = medianRound.postgres;
    const b = await start(database.url);
    const half = Math.max(1, connections / 2);
    const requests = () => ({ requests: verdictRequests(pg.token, pg.editIds) });
    await Promise.all([run(a.url, '/', requests(), 1, half), run(b.url, '/', requests(), 1, half)]);
    const {
      result: { result: pair, cpu: pairCpu },
      busy: pairBusy,
    } = await withMachineLoad(() =>
      withProcessCpu([a.child.pid ?? 0, b.child.pid ?? 0], () =>
        Promise.all([run(a.url, '/', requests(), durationS, half), run(b.url, '/', requests(), durationS, half)]),
      ),
    );
    const pairRate = pair.reduce((sum, r) => sum + r.requests.average, 0);
    // The same, each instance on half of the articles: no verdict waits for the other instance's article locks, so
    // what is left between this and 2× is the machine's cores.
    const [left, right] = pg.halves;
    const apart = await Promise.all([
      run(a.url, '/', { requests: verdictRequests(pg.token, left) }, durationS, half),
      run(b.url, '/', { requests: verdictRequests(pg.token, right) }, durationS, half),
    ]);
    const apartRate = apart.reduce((sum, r) => sum + r.requests.average, 0);
    const quota = await underQuota(a, b, requests);
    const latency = await visibility(a, b, pg.token, pg.seedEditIds);
    await a.stop();
    await b.stop();

    const trials = [];
    for (let trial = 0; trial < killTrials; trial++)
      trials.push(await killTrial(database.url, corpus, pg.token, pg.editIds, trial));

    const rate = (r: AutocannonResult) => fixed(r.requests.average, 0);
    // What a verdict cost the machine's cores (the instances, PostgreSQL, the load generator), one instance (the
    // median round) against two: on shared cores, the second instance's gain is what the first left idle.
    const ms = (seconds: number) => fixed(seconds * 1000, 2);
    const cpuPerVerdict = (cpu: { pids: number[]; postgres: number; self: number }, verdicts: number) => {
      const instances = cpu.pids.reduce((sum, seconds) => sum + seconds, 0) / verdicts;
      const all = instances + (cpu.postgres + cpu.self) / verdicts;
      return `${ms(all)} ms (instance${cpu.pids.length > 1 ? 's' : ''} ${ms(instances)}, PostgreSQL ${ms(
        cpu.postgres / verdicts,
      )}, load generator ${ms(cpu.self / verdicts)})`;
    };
    const percent = (busy: number | undefined) => (busy === undefined ? 'unknown' : `${fixed(busy * 100, 0)}%`);
    const pairRatio = pairRate / onPostgres.verdicts.requests.average;
    const perRound = (measure: 'page' | 'verdicts') =>
      `${runs.map((r) => `${rate(r.sqlite[measure])}/${rate(r.postgres[measure])}`).join(', ')}, ${rate(
        (runs.at(-1) as (typeof runs)[number]).sqliteAfter[measure],
      )}`;
    const failed = (measure: 'page' | 'verdicts') =>
      runs.reduce((n, r) => n + failures(r.sqlite[measure]) + failures(r.postgres[measure]), 0) +
      failures((runs.at(-1) as (typeof runs)[number]).sqliteAfter[measure]);
    const row = (what: string, measure: 'page' | 'verdicts') => {
      const all = ratios(measure);
      return [
        what,
        perRound(measure),
        failed(measure),
        all.map((ratio) => `${fixed(ratio)}×`).join(', '),
        `${fixed(median(all))}×`,
        target(median(all), 0.8),
      ];
    };
    printTable(
      `PostgreSQL vs SQLite (${connections} connections, ${durationS} s each, verdicts over ${articles} articles, each server a child process, ${rounds} rounds of each engine in turn, SQLite once more; PostgreSQL against the SQLite runs either side)`,
      ['measure', 'req/s SQLite/PostgreSQL per round, SQLite last', 'failed', 'ratio per round', 'median', 'target'],
      [row('POST /api/edits/:id/verdicts', 'verdicts'), row(`GET /articles/${article}`, 'page')],
    );
    printTable(
      'Several instances on one PostgreSQL',
      ['measure', 'value', 'target'],
      [
        [
          `verdict POSTs, two instances (${half} connections each) vs one (${connections})`,
          `${fixed(pairRate, 0)} vs ${rate(onPostgres.verdicts)} req/s = ${fixed(pairRatio)}×`,
          `${pairRatio >= 1.5 ? 'ok' : 'below'} 1.5× on ${cpus().length} shared cores (see below)`,
        ],
        [
          '  CPU per verdict, one instance | two, and how busy the machine was',
          `${cpuPerVerdict(onPostgres.cpu, onPostgres.verdicts.requests.total)}, ${percent(onPostgres.busy)} | ${cpuPerVerdict(
            pairCpu,
            pair.reduce((n, r) => n + r.requests.total, 0),
          )}, ${percent(pairBusy)}`,
          'what the cores leave to a second instance',
        ],
        [
          '  the same, each instance on its own half of the articles',
          `${fixed(apartRate, 0)} req/s = ${fixed(apartRate / onPostgres.verdicts.requests.average)}×`,
          'shows the article locks’ share',
        ],
        typeof quota === 'string'
          ? [`verdict POSTs, two instances vs one, each held to ${quotaShare} of a core`, `SKIPPED: ${quota}`, '']
          : [
              `verdict POSTs, two instances vs one, each held to ${quotaShare} of a core (as on machines of their own), ${connections} connections each`,
              `req/s one/both ${quota.rates.join(', ')} (${quota.failed} failed): ${quota.ratios
                .map((ratio) => `${fixed(ratio)}×`)
                .join(', ')}, median ${fixed(median(quota.ratios))}×`,
              target(median(quota.ratios), 1.5),
            ],
        ...(typeof quota === 'string'
          ? []
          : [['  CPU used of each quota', quota.quotaUse, 'alone near 100%: the one instance was saturated']]),
        [
          `a verdict on A heard live on B (SSE), ${latencySamples} verdicts`,
          `median ${fixed(latency.median, 1)} ms, max ${fixed(latency.max, 1)} ms`,
          latency.max <= 1000 ? 'ok (≤ 1 s)' : 'ABOVE 1 s',
        ],
        [
          'the same verdict in B’s answer on the next load',
          `${latency.seenOnLoad} of ${latencySamples}`,
          latency.seenOnLoad === latencySamples ? 'ok (all)' : 'MISSED SOME',
        ],
        [
          `kill -9 during an 8-worker burst, ${killTrials} trials`,
          `${trials.reduce((n, t) => n + t.lost, 0)} of ${trials.reduce((n, t) => n + t.acknowledged, 0)} acknowledged verdicts lost`,
          trials.every((t) => t.lost === 0) ? 'ok (0 lost)' : 'LOST SOME',
        ],
      ],
    );
    console.log(
      `verdict POSTs answered 2xx: SQLite ${medianRound.sqlite.verdicts['2xx']}, PostgreSQL ${onPostgres.verdicts['2xx']}, ` +
        `two instances ${pair.reduce((n, r) => n + r['2xx'], 0)} (${apart.reduce((n, r) => n + r['2xx'], 0)} apart); machine: ${cpus().length} cores, busy ` +
        `${percent(medianRound.sqlite.busy)} (SQLite) and ${percent(onPostgres.busy)} (PostgreSQL) during the median round's verdict runs: a ` +
        'second instance adds throughput only where the first leaves cores idle',
    );
  } finally {
    for (const instance of running) await instance.stop().catch(() => undefined);
    await database.drop().catch(() => undefined);
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}
