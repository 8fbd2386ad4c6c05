import { readdirSync } from 'node:fs';
import { readProcessEnvironment, readProcessIdentity, signalIdentified } from '@snakepit/core';

/**
 * Pids of live processes whose environment names `runId`
 * (`SNAKEPIT_RUN_ID`): a run's workers, their guardians and whatever they
 * forked. Empty where there is no procfs.
 */
export function findRunProcesses(runId: string): number[] {
  return scanRunIds().get(runId) ?? [];
}

/**
 * The last resort of a second stop signal, a stop that timed out, or one
 * that left processes behind: SIGKILLs every process whose environment names
 * `runId`, and the process group of each one that leads its own (a worker, a
 * `setsid` escapee), at once and without waiting. Returns the pids signalled.
 *
 * Each process is verified right before its signal (core's
 * `signalIdentified`: pid, start time, boot id and `SNAKEPIT_RUN_ID=<runId>`
 * in its environment). Pids the run used before are no evidence: a worker
 * that exited frees its pid for any process, which may lead a group of its
 * own. Without procfs nothing is signalled.
 */
export function killRunProcesses(runId: string): number[] {
  const signalled: number[] = [];
  for (const pid of findRunProcesses(runId)) {
    const identity = readProcessIdentity(pid);
    if (identity && signalIdentified({ ...identity, runId }, 'SIGKILL')) signalled.push(pid);
  }
  return signalled;
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
