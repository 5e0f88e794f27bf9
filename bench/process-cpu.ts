// CPU time by process (Linux /proc): what the servers, PostgreSQL and the load generator each cost during a run.
import { readdirSync, readFileSync } from 'node:fs';

const ticksPerSecond = 100; // USER_HZ, 100 on every Linux the project runs on

/** CPU seconds (user and system, all threads) of every process now, by pid, with its command name. */
function snapshot(): Map<number, { command: string; seconds: number }> {
  const processes = new Map<number, { command: string; seconds: number }>();
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return processes; // not Linux: nothing to tell
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The command is in parentheses and may hold spaces; the fields after it are space-separated.
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      const seconds = (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
      processes.set(Number(pid), { command: stat.slice(stat.indexOf('(') + 1, close), seconds });
    } catch {
      // the process ended meanwhile
    }
  }
  return processes;
}

/** CPU seconds spent during `fn`: by each of `pids`, by PostgreSQL's processes, and by this process. */
export async function withProcessCpu<T>(
  pids: readonly number[],
  fn: () => Promise<T>,
): Promise<{ result: T; cpu: { pids: number[]; postgres: number; self: number } }> {
  const before = snapshot();
  const selfBefore = process.cpuUsage();
  const result = await fn();
  const self = process.cpuUsage(selfBefore);
  const after = snapshot();
  const spent = (pid: number) => (after.get(pid)?.seconds ?? 0) - (before.get(pid)?.seconds ?? 0);
  let postgres = 0;
  for (const [pid, { command }] of after) if (command.startsWith('postgres')) postgres += spent(pid);
  return { result, cpu: { pids: pids.map(spent), postgres, self: (self.user + self.system) / 1e6 } };
}
