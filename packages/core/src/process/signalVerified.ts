import { isDead } from './processIdentity.js';
import { readProcStat } from './procfs.js';

/** A process known by pid and start time, as found by a verified scan. */
export interface VerifiedProcess {
  readonly pid: number;
  readonly startTimeTicks: number;
  /** Whether it led its own process group (pgid == pid) when verified. */
  readonly isGroupLeader: boolean;
}

/**
 * Sends `signal` to a verified process and, when it leads a group, to that
 * group. Checks the start time again right before signalling, so a pid that
 * was reused since the verification is left alone. Returns whether anything
 * was signalled; never throws.
 *
 * The group is signalled while its leader is the same process (even as a
 * zombie) or no process holds that pid at all: the kernel keeps a pid number
 * reserved while it is the id of a group with members, so then the group
 * can only be the leader's orphaned group.
 */
export function signalVerified(target: VerifiedProcess, signal: NodeJS.Signals): boolean {
  const stat = readProcStat(target.pid);
  if (stat && stat.startTimeTicks !== target.startTimeTicks) return false;
  let signalled = false;
  if (target.isGroupLeader) signalled = trySignal(-target.pid, signal);
  if (stat && !isDead(stat.state)) signalled = trySignal(target.pid, signal) || signalled;
  return signalled;
}

/** Whether a verified process is still running (not gone, reused, or a zombie). */
export function isStillRunning(target: VerifiedProcess): boolean {
  const stat = readProcStat(target.pid);
  return stat !== undefined && stat.startTimeTicks === target.startTimeTicks && !isDead(stat.state);
}

function trySignal(pidOrNegativePgid: number, signal: NodeJS.Signals): boolean {
  // pid 1 and "every process" (-1) are never ours to signal.
  if (pidOrNegativePgid === 1 || pidOrNegativePgid === -1 || pidOrNegativePgid === 0) return false;
  try {
    process.kill(pidOrNegativePgid, signal);
    return true;
  } catch {
    return false;
  }
}
