/**
 * Sends `signal` to the process group led by `pgid`. Returns false when the
 * group no longer exists or is not ours to signal; never throws, because it
 * runs on exit paths and in timers.
 */
export function signalGroup(pgid: number, signal: NodeJS.Signals): boolean {
  if (!Number.isInteger(pgid) || pgid <= 1) return false;
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}
