import { matchesIdentity } from './processIdentity.js';
import type { ProcessIdentity } from './processIdentity.js';
import { readProcStat } from './procfs.js';
import { signalVerified } from './signalVerified.js';

/**
 * Sends `signal` to the process `identity` names, and to the process group
 * it leads when it leads one, only if {@link matchesIdentity} holds right
 * before: pid, start time, boot id, and the token and run id the identity
 * has, read from the process's environment now. A pid that another process
 * holds by now is never signalled, nor is the group that process leads.
 * Returns whether anything was signalled. Never throws. Without procfs,
 * nothing is ever signalled.
 */
export function signalIdentified(identity: ProcessIdentity, signal: NodeJS.Signals): boolean {
  if (!matchesIdentity(identity)) return false;
  // Whether it leads a group is read from the kernel now, like the rest.
  const stat = readProcStat(identity.pid);
  if (!stat) return false;
  return signalVerified(
    {
      pid: identity.pid,
      startTimeTicks: identity.startTimeTicks,
      isGroupLeader: stat.pgrp === identity.pid,
    },
    signal,
  );
}
