import { readProcessIdentity } from '../process/processIdentity.js';
import { signalIdentified } from '../process/signalIdentified.js';
import { scanRunProcesses } from './scanRunProcesses.js';
import type { RunProcess } from './scanRunProcesses.js';

/**
 * SIGKILLs every live process whose environment names `runId`, and the
 * process group of each one that leads its own (a worker, a `setsid`
 * escapee), at once and without waiting. Each is verified right before its
 * signal (`signalIdentified`: pid, start time, boot id, and
 * `SNAKEPIT_RUN_ID=<runId>` read from its environment then): a pid the run
 * once used is no evidence. Returns the processes signalled. Never throws;
 * without procfs nothing is found, so nothing is signalled.
 */
export function killRunProcesses(runId: string): RunProcess[] {
  const signalled: RunProcess[] = [];
  for (const proc of scanRunProcesses(new Set([runId])).get(runId) ?? []) {
    const identity = readProcessIdentity(proc.pid);
    if (identity?.startTimeTicks !== proc.startTimeTicks) continue;
    if (signalIdentified({ ...identity, runId }, 'SIGKILL')) signalled.push(proc);
  }
  return signalled;
}
