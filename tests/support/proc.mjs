// The /proc readers and polls that every test project and the benchmarks
// share: tests/ and packages/*/test (TypeScript, types in proc.d.mts), bench/
// and owner.mjs (plain Node, no build step, hence JavaScript). Parsing is
// @snakepit/core's (`readProcStat`, `readProcessEnvironment`, from the built
// package): this file only combines it. Linux only.
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { readProcStat, readProcessEnvironment } from '@snakepit/core/process';

/** `/proc/PID/stat` as core reads it; `undefined` once the process is gone. */
export const readStat = readProcStat;

/** The live (non-zombie) process that holds `pid` now, as `{ pid, startTime }`, or `undefined`. */
export function refOf(pid) {
  const stat = readProcStat(pid);
  return stat && stat.state !== 'Z' ? { pid, startTime: stat.startTimeTicks } : undefined;
}

/** Whether the very process `ref` names still runs (same start time, not a zombie). */
export function isAlive(ref) {
  const stat = readProcStat(ref.pid);
  return stat !== undefined && stat.state !== 'Z' && stat.startTimeTicks === ref.startTime;
}

/** Whether `pid` is gone or a zombie (a zombie nobody reaps still counts as gone). */
export function isGone(pid) {
  const stat = readProcStat(pid);
  return !stat || stat.state === 'Z' || stat.state === 'X';
}

/** `argv` of a process (`/proc/PID/cmdline`); `[]` once it is gone. */
export function argvOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

/** The command line of a process, arguments joined by spaces; '' once it is gone. */
export function cmdlineOf(pid) {
  return argvOf(pid).join(' ');
}

/** `/proc/PID/comm` (the name the kernel shows); '' once it is gone. */
export function commOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/** Every pid in `/proc`. */
export function listPids() {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number);
}

/**
 * Pids of live (non-zombie) processes, other than this one, whose initial
 * environment holds `name`, with exactly `value` when given.
 */
export function processesWithEnv(name, value) {
  return listPids().filter((pid) => {
    if (pid === process.pid) return false;
    const env = readProcessEnvironment(pid);
    if (!env?.has(name) || (value !== undefined && env.get(name) !== value)) return false;
    return !isGone(pid);
  });
}

/** Pids of live (non-zombie) processes whose environment has `SNAKEPIT_RUN_ID=<runId>`. */
export function processesOfRun(runId) {
  return processesWithEnv('SNAKEPIT_RUN_ID', runId);
}

/** Live (non-zombie) processes by parent pid. */
function liveByParent() {
  const byParent = new Map();
  for (const pid of listPids()) {
    const stat = readProcStat(pid);
    if (!stat || stat.state === 'Z') continue;
    byParent.set(stat.ppid, [...(byParent.get(stat.ppid) ?? []), pid]);
  }
  return byParent;
}

/** Pids of the live (non-zombie) children of `parentPid`. */
export function childrenOf(parentPid) {
  return liveByParent().get(parentPid) ?? [];
}

/** Every live (non-zombie) descendant of `rootPid`, found through parent pids, breadth first. */
export function descendantsOf(rootPid) {
  const byParent = liveByParent();
  const found = [];
  const queue = [rootPid];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    for (const child of byParent.get(pid) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** Pids of zombies whose parent is `parentPid` (children it has not reaped). */
export function zombieChildrenOf(parentPid) {
  return listPids().filter((pid) => {
    const stat = readProcStat(pid);
    return stat?.state === 'Z' && stat.ppid === parentPid;
  });
}

/** The processes of `pids` that still run, each with its start time (duplicates dropped). */
export function snapshot(pids) {
  const refs = new Map();
  for (const pid of pids) {
    const ref = refOf(pid);
    if (ref) refs.set(pid, ref);
  }
  return [...refs.values()];
}

/** The processes of `pids` that still run, with start time, parent and command line. */
export function describeProcesses(pids) {
  return snapshot(pids).map((ref) => ({
    ...ref,
    ppid: readProcStat(ref.pid)?.ppid ?? -1,
    cmd: cmdlineOf(ref.pid),
  }));
}

/** Polls `check` every `pollMs` until it holds; fails after `timeoutMs`. */
export async function waitFor(check, timeoutMs = 5_000, what = 'condition', pollMs = 20) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/**
 * Polls `refs` every `pollMs` until every one is gone (exited, a zombie, or
 * its pid now held by a newer process) or `timeoutMs` has passed since
 * `sinceMs` (a `performance.now()` reading, e.g. taken right after a kill).
 */
export async function waitUntilGone(refs, { sinceMs, timeoutMs, pollMs = 2 }) {
  const goneAfterMs = new Map();
  let pending = [...refs];
  for (;;) {
    // Each one is stamped when it is checked: a sweep over many takes a while.
    pending = pending.filter((ref) => {
      if (isAlive(ref)) return true;
      goneAfterMs.set(ref, performance.now() - sinceMs);
      return false;
    });
    if (pending.length === 0 || performance.now() - sinceMs > timeoutMs) break;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  const lastGoneMs = pending.length > 0 ? undefined : Math.max(0, ...goneAfterMs.values());
  return { lastGoneMs, goneAfterMs, survivors: pending };
}

/** SIGKILLs the processes of `refs` that are still the very ones named (never a reused pid). */
export function killRefs(refs) {
  for (const ref of refs) {
    if (!isAlive(ref)) continue;
    try {
      process.kill(ref.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
