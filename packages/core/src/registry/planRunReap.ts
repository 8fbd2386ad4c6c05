import { isDead, matchesIdentity } from '../process/processIdentity.js';
import { readProcStat } from '../process/procfs.js';
import type { VerifiedProcess } from '../process/signalVerified.js';
import type { RunRecord } from './runRecord.js';
import type { RunProcess } from './scanRunProcesses.js';

/** A verified process of a dead run, to be killed. */
export interface OrphanTarget extends VerifiedProcess {
  readonly runId: string;
  readonly workerId: string | undefined;
  readonly foundBy: 'registry' | 'scan';
}

/** What to do with one run's registry file. */
export type RunPlan =
  | { readonly kind: 'live' }
  | { readonly kind: 'stale' }
  /** Written in another pid namespace (a container sharing the directory): left alone. */
  | { readonly kind: 'foreign' }
  | {
      readonly kind: 'orphaned';
      readonly targets: readonly OrphanTarget[];
      /** Processes of the run whose owner may still be alive: left alone, and the file kept. */
      readonly hasLiveOwnedProcesses: boolean;
    };

/** Inputs of {@link planRunReap}. */
export interface PlanInput {
  readonly runId: string;
  /** The parsed file, or `undefined` when it was corrupt (its pids are not trusted). */
  readonly record: RunRecord | undefined;
  /** Live processes whose environment names this run. */
  readonly processes: readonly RunProcess[];
  readonly bootId: string | undefined;
  /** This process's pid namespace (`readPidNamespace()`). */
  readonly pidNamespace: string | undefined;
  readonly isOwnerAlive: (owner: RunRecord['owner']) => boolean;
}

/**
 * Decides what to do with one run: leave a live run (or one from another pid
 * namespace) alone, drop a file from a previous boot without killing
 * anything, or list the verified orphans of a dead run. A process is a target only when:
 * - it is a registry entry whose pid, start time, boot id and token all
 *   match (`matchesIdentity`); an entry without a token needs the run id in
 *   the process's environment instead (a file in the registry directory
 *   must not be enough to have any process killed); or
 * - its environment names the run and holds the token of a registry entry; or
 * - its environment names the run and the owner it names
 *   (`SNAKEPIT_OWNER_PID`) is dead — see {@link isNamedOwnerDead}.
 */
export function planRunReap(input: PlanInput): RunPlan {
  const { record } = input;
  if (record && record.owner.bootId && input.bootId && record.owner.bootId !== input.bootId) {
    return { kind: 'stale' };
  }
  // The owner's pids name other processes here: nothing can be verified.
  if (record && isOtherNamespace(record.owner.pidNamespace, input.pidNamespace)) {
    return { kind: 'foreign' };
  }
  if (record && input.isOwnerAlive(record.owner)) return { kind: 'live' };
  const targets = new Map<number, OrphanTarget>();
  for (const target of registryTargets(input.runId, record)) targets.set(target.pid, target);
  const tokens = new Set(Object.values(record?.workers ?? {}).flatMap((w) => w.token ?? []));
  let hasLiveOwnedProcesses = false;
  for (const proc of input.processes) {
    if (targets.has(proc.pid)) continue;
    const isVerified =
      (proc.token !== undefined && tokens.has(proc.token)) ||
      isNamedOwnerDead(proc, record?.owner.pid);
    if (!isVerified) {
      hasLiveOwnedProcesses = true;
      continue;
    }
    targets.set(proc.pid, {
      pid: proc.pid,
      startTimeTicks: proc.startTimeTicks,
      isGroupLeader: proc.pgrp === proc.pid,
      runId: input.runId,
      workerId: proc.workerId,
      foundBy: 'scan',
    });
  }
  return { kind: 'orphaned', targets: [...targets.values()], hasLiveOwnedProcesses };
}

function isOtherNamespace(theirs: string | undefined, ours: string | undefined): boolean {
  return theirs !== undefined && ours !== undefined && theirs !== ours;
}

/**
 * The registry's running workers that are still exactly the processes it
 * recorded: same pid, start time and boot, and the entry's token (or, with
 * none, the run id) in the environment.
 */
function registryTargets(runId: string, record: RunRecord | undefined): OrphanTarget[] {
  if (!record) return [];
  const targets: OrphanTarget[] = [];
  for (const [workerId, worker] of Object.entries(record.workers)) {
    const { pid, startTimeTicks, token } = worker;
    if (pid === undefined || startTimeTicks === undefined) continue;
    const bootId = record.owner.bootId;
    const identity = {
      pid,
      startTimeTicks,
      bootId,
      ...(token === undefined ? { runId } : { token }),
    };
    if (!matchesIdentity(identity)) continue;
    // Whether it leads a group is read from the kernel, not from the file.
    const isGroupLeader = readProcStat(pid)?.pgrp === pid;
    targets.push({ pid, startTimeTicks, isGroupLeader, runId, workerId, foundBy: 'registry' });
  }
  return targets;
}

/**
 * Whether the owner a process names in `SNAKEPIT_OWNER_PID` is certainly
 * dead. A bare pid cannot prove an owner alive or dead (pids are reused), so:
 * - when it is `deadOwnerPid`, the owner whose full identity (pid, start
 *   time, boot id) the caller already found dead: true;
 * - otherwise the owner counts as dead when no live process holds that pid,
 *   or the one that does started after the candidate did (an owner starts
 *   before everything it spawns, so that is a newer process reusing the pid).
 *   This errs towards "alive": a grandchild started after its owner died may
 *   be spared when the owner's pid was reused meanwhile.
 * A process without `SNAKEPIT_OWNER_PID` is never judged orphaned this way.
 * "Its parent is no longer the owner" is not used: a worker's own children
 * never had the owner as parent, though their owner is alive.
 */
export function isNamedOwnerDead(proc: RunProcess, deadOwnerPid: number | undefined): boolean {
  if (proc.ownerPid === undefined) return false;
  if (proc.ownerPid === deadOwnerPid) return true;
  const owner = readProcStat(proc.ownerPid);
  return !owner || isDead(owner.state) || owner.startTimeTicks > proc.startTimeTicks;
}
