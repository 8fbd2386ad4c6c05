import { isDead } from '../process/processIdentity.js';
import { listProcessIds, readEnvironText, readProcStat } from '../process/procfs.js';

/** A live process whose environment names a Snakepit run. */
export interface RunProcess {
  readonly pid: number;
  readonly startTimeTicks: number;
  readonly ppid: number;
  readonly pgrp: number;
  /** `SNAKEPIT_RUN_ID`. */
  readonly runId: string;
  /** `SNAKEPIT_WORKER_TOKEN`, when set. */
  readonly token: string | undefined;
  /** `SNAKEPIT_WORKER_ID`, when set (grandchildren inherit their worker's). */
  readonly workerId: string | undefined;
  /** `SNAKEPIT_OWNER_PID`, when set to a valid pid. */
  readonly ownerPid: number | undefined;
}

const RUN_ID_PREFIX = 'SNAKEPIT_RUN_ID=';

/**
 * Scans `/proc` for live processes whose environment holds
 * `SNAKEPIT_RUN_ID=<id>` for one of `runIds`, grouped by run id. Workers
 * pass their environment on, so this also finds their children, including
 * those that left the worker's process group with `setsid` (but not those
 * that cleared their environment). Processes we may not read (other users'
 * when not root) and zombies are skipped; this process is never listed.
 * Returns an empty map where there is no procfs.
 */
export function scanRunProcesses(runIds: ReadonlySet<string>): Map<string, RunProcess[]> {
  const found = new Map<string, RunProcess[]>();
  if (runIds.size === 0) return found;
  for (const pid of listProcessIds()) {
    if (pid === process.pid) continue;
    const environ = readEnvironText(pid);
    // Cheap test first: most processes on a machine are not ours.
    if (environ === undefined || !environ.includes(RUN_ID_PREFIX)) continue;
    const proc = toRunProcess(pid, environ);
    if (!proc || !runIds.has(proc.runId)) continue;
    const list = found.get(proc.runId);
    if (list) list.push(proc);
    else found.set(proc.runId, [proc]);
  }
  return found;
}

function toRunProcess(pid: number, environ: string): RunProcess | undefined {
  const env = pickEnv(environ);
  const runId = env.get('SNAKEPIT_RUN_ID');
  const stat = readProcStat(pid);
  if (runId === undefined || !stat || isDead(stat.state)) return undefined;
  const ownerPid = Number(env.get('SNAKEPIT_OWNER_PID'));
  return {
    pid,
    startTimeTicks: stat.startTimeTicks,
    ppid: stat.ppid,
    pgrp: stat.pgrp,
    runId,
    token: env.get('SNAKEPIT_WORKER_TOKEN'),
    workerId: env.get('SNAKEPIT_WORKER_ID'),
    ownerPid: Number.isSafeInteger(ownerPid) && ownerPid > 0 ? ownerPid : undefined,
  };
}

function pickEnv(environ: string): Map<string, string> {
  const env = new Map<string, string>();
  for (const entry of environ.split('\0')) {
    if (!entry.startsWith('SNAKEPIT_')) continue;
    const eq = entry.indexOf('=');
    // First assignment wins, as getenv() does on a duplicated name.
    if (eq > 0 && !env.has(entry.slice(0, eq))) env.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  return env;
}
