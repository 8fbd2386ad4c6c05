import { readdirSync } from 'node:fs';
import { readProcessEnvironment } from '@snakepit/core/process';

/**
 * Pids of live processes whose environment names `runId`
 * (`SNAKEPIT_RUN_ID`): a run's workers, their guardians and whatever they
 * forked. Empty where there is no procfs.
 */
export function findRunProcesses(runId: string): number[] {
  return scanRunIds().get(runId) ?? [];
}

/** Pids of live processes per `SNAKEPIT_RUN_ID`, in one pass over `/proc`. */
function scanRunIds(): Map<string, number[]> {
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
