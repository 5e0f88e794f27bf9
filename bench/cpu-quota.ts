// CPU quotas for the benchmark's server processes (Linux cgroups): each instance held to a share of one core, as if it
// ran on a machine of its own, so that two instances on one small machine are not measured against its cores.
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// A short period: a process that used up its quota waits at most the rest of it (a long wait while it holds a
// database lock would be the quota's doing, not the design's).
const periodUs = 10_000;

/** Where a cpu controller can be written: cgroup v1's `cpu` hierarchy, or v2's root when it offers `cpu`. */
function cpuHierarchy(): { root: string; version: 1 | 2 } | undefined {
  if (existsSync('/sys/fs/cgroup/cpu/cpu.cfs_quota_us')) return { root: '/sys/fs/cgroup/cpu', version: 1 };
  try {
    const controllers = readFileSync('/sys/fs/cgroup/cgroup.controllers', 'utf8').split(/\s+/);
    if (controllers.includes('cpu')) return { root: '/sys/fs/cgroup', version: 2 };
  } catch {
    // no cgroup v2 root here
  }
  return undefined;
}

/** Processes held to a quota, until released (back to the root group, the groups removed). */
export interface CpuQuota {
  release(): void;
}

/**
 * Holds each process in `pids` to `share` of one core, in a cgroup of its own. Answers why not (a string) where the
 * machine offers no writable cpu controller (not Linux, not root, a container without one).
 */
export function holdToCpuQuota(pids: readonly number[], share: number): CpuQuota | string {
  const hierarchy = cpuHierarchy();
  if (!hierarchy) return 'no cgroup cpu controller on this machine';
  const { root, version } = hierarchy;
  const groups: string[] = [];
  const release = () => {
    for (const [i, group] of groups.entries()) {
      try {
        // Back to the root group (a process that has ended needs nothing), then the empty group can go.
        writeFileSync(join(root, 'cgroup.procs'), String(pids[i]));
      } catch {
        // the process has ended
      }
      try {
        rmdirSync(group);
      } catch {
        // left for the system to remove; it holds no process
      }
    }
  };
  try {
    // cgroup v2 hands the cpu controller to child groups only where the parent enables it.
    if (version === 2) writeFileSync(join(root, 'cgroup.subtree_control'), '+cpu');
    for (const [i, pid] of pids.entries()) {
      const group = join(root, `mt-review-bench-${process.pid}-${i}`);
      mkdirSync(group);
      groups.push(group);
      const quotaUs = String(Math.round(share * periodUs));
      if (version === 1) {
        writeFileSync(join(group, 'cpu.cfs_period_us'), String(periodUs));
        writeFileSync(join(group, 'cpu.cfs_quota_us'), quotaUs);
      } else {
        writeFileSync(join(group, 'cpu.max'), `${quotaUs} ${periodUs}`);
      }
      writeFileSync(join(group, 'cgroup.procs'), String(pid));
    }
  } catch (error) {
    release();
    return `the cgroup cpu controller is not writable here (${(error as NodeJS.ErrnoException).code ?? error})`;
  }
  return { release };
}
