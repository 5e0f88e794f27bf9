// A throwaway PostgreSQL cluster for a test run: initdb into a temporary folder, pg_ctl on a free loopback port.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A running cluster: a superuser URL (trust auth, no password) and how to stop it and remove its folder. */
export interface PostgresCluster {
  url: string;
  /** The server's major version and where its binaries are, for the run's console line. */
  description: string;
  stop(): Promise<void>;
}

/** The folder holding initdb and pg_ctl: Debian's newest /usr/lib/postgresql/N/bin, else one on PATH. */
export function findPostgresBin(): string | undefined {
  const debian = '/usr/lib/postgresql';
  const versions = existsSync(debian)
    ? readdirSync(debian)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const candidates = [
    ...versions.map((version) => join(debian, version, 'bin')),
    ...(process.env.PATH ?? '').split(delimiter),
  ];
  return candidates.find((dir) => dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

// PostgreSQL refuses to run as root: as root, every PostgreSQL command runs as the postgres user.
const asServerUser = (command: string[]): string[] =>
  process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', ...command] : command;

async function runAsServerUser(command: string[]): Promise<string> {
  const [file, ...args] = asServerUser(command) as [string, ...string[]];
  return (await run(file, args)).stdout.trim();
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no free port on 127.0.0.1');
  return address.port;
}

// The watchdog owns the server's life: it starts it, then waits for its stdin to close, which happens when the test
// run stops it, ends normally, fails, is interrupted or killed (the kernel closes the pipe), and then stops the
// server and removes the folder. Stop mode immediate: the data is thrown away, so no shutdown checkpoint is needed.
const watchdog = `
bin=$1; dir=$2
if ! "$bin/pg_ctl" start -w -t 60 -D "$dir/data" -l "$dir/server.log" >/dev/null; then
  "$bin/pg_ctl" stop -m immediate -D "$dir/data" >/dev/null 2>&1
  exit 1
fi
echo ready
cat >/dev/null
"$bin/pg_ctl" stop -m immediate -D "$dir/data" >/dev/null 2>&1
rm -rf "$dir"
`;

function settings(dir: string, port: number): string {
  return [
    "listen_addresses = '127.0.0.1'",
    `port = ${port}`,
    `unix_socket_directories = '${dir}'`,
    // The store's durability tests need commits that really reach the disk.
    'fsync = on',
    'synchronous_commit = on',
    'shared_buffers = 16MB',
    'max_connections = 100',
  ].join('\n');
}

function startWatchdog(bin: string, dir: string): Promise<ChildProcess> {
  const [file, ...args] = asServerUser(['sh', '-c', watchdog, 'watchdog', bin, dir]) as [string, ...string[]];
  // detached: a terminal's Ctrl-C reaches the test run, not the watchdog, which then stops the server in order.
  const child = spawn(file, args, { detached: true, stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', () => resolve(child));
    child.once('error', reject);
    child.once('exit', (code) => {
      const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8') : '';
      reject(new Error(`pg_ctl start failed (exit ${code}): ${log.trim().split('\n').slice(-3).join(' | ')}`));
    });
  });
}

function stopWatchdog(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.stdin?.end();
  });
}

/** Creates a cluster with the binaries in `bin` and starts it; tries three free ports in case one is taken. */
export async function startPostgresCluster(bin: string): Promise<PostgresCluster> {
  const dir = await runAsServerUser(['mktemp', '-d', '-p', tmpdir(), 'mt-review-pg-XXXXXX']);
  try {
    await runAsServerUser([
      join(bin, 'initdb'),
      ...['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync'],
    ]);
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freePort();
      appendFileSync(join(dir, 'data', 'postgresql.conf'), `\n${settings(dir, port)}\n`);
      try {
        const child = await startWatchdog(bin, dir);
        const version = readFileSync(join(dir, 'data', 'PG_VERSION'), 'utf8').trim();
        return {
          // Through the Unix socket: on this machine a query over loopback TCP costs the client about twice the CPU
          // (a system call per message). The server also listens on 127.0.0.1 for what needs TCP.
          url: `postgres://postgres@localhost/postgres?host=${encodeURIComponent(dir)}&port=${port}`,
          description: `PostgreSQL ${version} (${bin})`,
          stop: () => stopWatchdog(child),
        };
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError;
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
