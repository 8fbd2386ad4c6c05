import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RUN_CGROUP_PREFIX, detectCgroupBase, removeCgroup } from '@snakepit/core';
import { performance } from 'node:perf_hooks';

/**
 * A process named by pid and start time (`/proc/PID/stat` field 22, in clock
 * ticks since boot): a pid reused by a newer process has another start time,
 * so it is never mistaken for the one we saw.
 */
export interface ProcessRef {
  readonly pid: number;
  readonly startTime: number;
}

/** The fields of `/proc/PID/stat` the tests use. */
export interface StatFields {
  readonly pid: number;
  /** `R`, `S`, `D`, `T` (stopped), `Z` (zombie)… */
  readonly state: string;
  readonly ppid: number;
  readonly pgrp: number;
  /** Field 22: start time after boot, in clock ticks. */
  readonly startTime: number;
}

/** Reads `/proc/PID/stat`; `undefined` once the process is gone. */
export function readStat(pid: number): StatFields | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // `comm` may hold spaces and parentheses: only the last `)` ends it.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return {
    pid,
    state: fields[0] ?? '?',
    ppid: Number(fields[1]),
    pgrp: Number(fields[2]),
    startTime: Number(fields[19]),
  };
}

/** The live (non-zombie) process that holds `pid` now, or `undefined`. */
export function refOf(pid: number): ProcessRef | undefined {
  const stat = readStat(pid);
  return stat && stat.state !== 'Z' ? { pid, startTime: stat.startTime } : undefined;
}

/** Whether the very process `ref` names still runs (same start time, not a zombie). */
export function isAlive(ref: ProcessRef): boolean {
  const stat = readStat(ref.pid);
  return stat !== undefined && stat.state !== 'Z' && stat.startTime === ref.startTime;
}

/** The command line of a process, arguments joined by spaces; '' once it is gone. */
export function cmdlineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

function procPids(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number);
}

/** Pids of live (non-zombie) processes whose initial environment holds exactly `entry` (`NAME=value`). */
export function processesWithEnv(entry: string): number[] {
  const found: number[] = [];
  for (const pid of procPids()) {
    try {
      const env = readFileSync(`/proc/${pid}/environ`, 'latin1');
      if (!env.split('\0').includes(entry)) continue;
      if (isZombie(pid)) continue;
      found.push(pid);
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  return found;
}

/** Pids of live (non-zombie) processes whose environment has `SNAKEPIT_RUN_ID=<runId>`. */
export function processesOfRun(runId: string): number[] {
  return processesWithEnv(`SNAKEPIT_RUN_ID=${runId}`);
}

/**
 * Pids of the run's Python workers: {@link processesOfRun} without each
 * worker's guardian process (named `snakepit-guard`), the fork server (whose
 * `comm` is `snakepit-zygote`; its workers share its command line) and other
 * helpers.
 */
export function workersOfRun(runId: string): number[] {
  return processesOfRun(runId).filter((pid) => {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'snakepit-zygote') return false;
      return !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('snakepit-guard');
    } catch {
      return false;
    }
  });
}

/** Pids of the live (non-zombie) children of `parentPid`. */
export function childrenOf(parentPid: number): number[] {
  return procPids().filter((pid) => {
    const stat = readStat(pid);
    return stat !== undefined && stat.state !== 'Z' && stat.ppid === parentPid;
  });
}

/** Every live (non-zombie) descendant of `rootPid`, found through parent pids. */
export function descendantsOf(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const pid of procPids()) {
    const stat = readStat(pid);
    if (!stat || stat.state === 'Z') continue;
    const siblings = children.get(stat.ppid) ?? [];
    siblings.push(pid);
    children.set(stat.ppid, siblings);
  }
  const found: number[] = [];
  const queue = [rootPid];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    for (const child of children.get(pid) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** Pids of zombies whose parent is `parentPid` (children it has not reaped). */
export function zombieChildrenOf(parentPid: number): number[] {
  return procPids().filter((pid) => {
    const stat = readStat(pid);
    return stat?.state === 'Z' && stat.ppid === parentPid;
  });
}

/** The processes of `pids` that still run, each with its start time. */
export function snapshot(pids: Iterable<number>): ProcessRef[] {
  const refs = new Map<number, ProcessRef>();
  for (const pid of pids) {
    const ref = refOf(pid);
    if (ref) refs.set(pid, ref);
  }
  return [...refs.values()];
}

/** Whether `pid` is gone or a zombie (a zombie nobody reaps still counts as gone). */
export function isGone(pid: number): boolean {
  try {
    return isZombie(pid);
  } catch {
    return true;
  }
}

function isZombie(pid: number): boolean {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
}

/** Polls `check` every `pollMs` until it holds; fails after `timeoutMs`. */
export async function waitFor(
  check: () => boolean,
  timeoutMs = 5_000,
  what = 'condition',
  pollMs = 20,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** When each process of a set was first seen gone. */
export interface GoneReport {
  /** Time from `sinceMs` until the last one was gone; `undefined` when some survived. */
  readonly lastGoneMs: number | undefined;
  /** Per process: time from `sinceMs` until it was first seen gone. */
  readonly goneAfterMs: ReadonlyMap<ProcessRef, number>;
  /** Those still alive at the deadline (same pid and start time). */
  readonly survivors: readonly ProcessRef[];
}

/**
 * Polls `refs` every `pollMs` until every one is gone (exited, a zombie, or
 * its pid now held by a newer process) or `timeoutMs` has passed since
 * `sinceMs` (a `performance.now()` reading, e.g. taken right after a kill).
 */
export async function waitUntilGone(
  refs: readonly ProcessRef[],
  options: { readonly sinceMs: number; readonly timeoutMs: number; readonly pollMs?: number },
): Promise<GoneReport> {
  const { sinceMs, timeoutMs, pollMs = 2 } = options;
  const goneAfterMs = new Map<ProcessRef, number>();
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
  const lastGoneMs = pending.length > 0 ? undefined : Math.max(0, ...[...goneAfterMs.values()]);
  return { lastGoneMs, goneAfterMs, survivors: pending };
}

/**
 * Makes an unrelated process take `pid` (free now, e.g. a dead worker's), as
 * pid reuse would: `/bin/sleep 600` with an empty environment, leading a
 * session and process group of its own. Writes `pid - 1` to
 * /proc/sys/kernel/ns_last_pid right before the fork (needs root) and tries
 * again while another process takes the pid first or the kernel still
 * reserves it (as the id of a dead leader's group or session with members).
 * The caller kills it (`killRefs`), failed test or not.
 */
export async function spawnWithPid(pid: number, attempts = 50): Promise<ProcessRef> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    writeFileSync('/proc/sys/kernel/ns_last_pid', String(pid - 1));
    const child = spawn('/bin/sleep', ['600'], { detached: true, stdio: 'ignore', env: {} });
    child.on('error', () => {});
    child.unref();
    if (child.pid === pid) {
      // Until execve() is done, /proc/PID/environ is still this process's.
      const hasExecuted = await waitFor(() => cmdlineOf(pid) === '/bin/sleep 600', 2_000).then(
        () => true,
        () => false,
      );
      const ref = refOf(pid);
      if (hasExecuted && ref) return ref;
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`pid ${pid} could not be given to a new process in ${attempts} attempts`);
}

/** SIGKILLs the processes of `refs` that are still the very ones named (never a reused pid). */
export function killRefs(refs: Iterable<ProcessRef>): void {
  for (const ref of refs) {
    if (!isAlive(ref)) continue;
    try {
      process.kill(ref.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/** SIGKILLs every process whose environment holds `entry` (`NAME=value`). */
export function killEnv(entry: string): void {
  for (const pid of processesWithEnv(entry)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/**
 * SIGKILLs every process of the run and removes its cgroup (`snakepit-<runId>`)
 * if it had one: an owner a test SIGKILLed leaves that behind, empty, until a
 * reaper of its runtime directory runs. Test clean-up that runs even after
 * failures.
 */
export async function killRun(runId: string): Promise<void> {
  killEnv(`SNAKEPIT_RUN_ID=${runId}`);
  const base = detectCgroupBase();
  if (base.isAvailable) await removeCgroup(join(base.dir, `${RUN_CGROUP_PREFIX}${runId}`), 500);
}
