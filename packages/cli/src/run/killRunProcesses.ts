import { readdirSync } from 'node:fs';
import { readProcessEnvironment } from '@snakepit/core';

/**
 * Pids of live processes whose environment names `runId`
 * (`SNAKEPIT_RUN_ID`): a run's workers, their guardians and whatever they
 * forked. Empty where there is no procfs.
 */
export function findRunProcesses(runId: string): number[] {
  return scanRunIds().get(runId) ?? [];
}

/**
 * The last resort of a second Ctrl-C: SIGKILL every known worker's process
 * group (each worker leads its own) and every process of the run found by
 * environment, at once and without waiting. Returns the pids signalled.
 * Pids come from this run's own records, seconds old at most, which is
 * why no identity check precedes the signal here (unlike `reap`).
 */
export function killRunProcesses(runId: string, workerPids: Iterable<number>): number[] {
  const signalled = new Set<number>();
  for (const pid of workerPids) {
    if (tryKill(-pid) || tryKill(pid)) signalled.add(pid);
  }
  for (const pid of findRunProcesses(runId)) {
    if (tryKill(pid)) signalled.add(pid);
  }
  return [...signalled];
}

function tryKill(pid: number): boolean {
  try {
    process.kill(pid, 'SIGKILL');
    return true;
  } catch {
    return false;
  }
}

/** Pids of live processes per `SNAKEPIT_RUN_ID`, in one pass over `/proc`. */
export function scanRunIds(): Map<string, number[]> {
  const byRun = new Map<string, number[]>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return byRun;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const runId = readProcessEnvironment(Number(entry))?.get('SNAKEPIT_RUN_ID');
    if (runId === undefined) continue;
    const pids = byRun.get(runId) ?? [];
    pids.push(Number(entry));
    byRun.set(runId, pids);
  }
  return byRun;
}
