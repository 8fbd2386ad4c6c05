import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { matchesIdentity } from '../process/processIdentity.js';
import { readBootId, readPidNamespace } from '../process/procfs.js';
import { RUN_ID_PATTERN } from './runRecord.js';
import { scanRunProcesses } from './scanRunProcesses.js';

/** What `snakepit ps` says about a run. */
export type RunListingStatus =
  /** Its owner (the Node process) runs. */
  | 'live'
  /** Its owner is dead but some of its workers still run: `snakepit reap` kills them. */
  | 'orphaned'
  /** Its owner and workers are gone; only the file is left (`snakepit reap` removes it). */
  | 'dead'
  /** Written before the last reboot. */
  | 'previous-boot'
  /** Written in another pid namespace (a container sharing the directory): its pids mean nothing here. */
  | 'foreign'
  /** The file cannot be read or parsed. */
  | 'corrupt';

/** One worker slot of a listed run. */
export interface WorkerListing {
  readonly id: string;
  readonly state: 'reserved' | 'running';
  readonly pid: number | undefined;
  /** pid, start time, boot id and token all match a live process. */
  readonly isAlive: boolean;
}

/** One run of the registry. */
export interface RunListing {
  readonly runId: string;
  readonly file: string;
  readonly status: RunListingStatus;
  readonly ownerPid: number | undefined;
  readonly isOwnerAlive: boolean;
  readonly createdAtMs: number | undefined;
  readonly watchdogPid: number | undefined;
  readonly workers: readonly WorkerListing[];
  /** Live processes whose environment names the run (workers, guardians, what they forked), zombies left out. */
  readonly processes: readonly number[];
  /** Why the file is corrupt. */
  readonly problem?: string;
}

// Only what `ps` shows; the reaper validates files strictly before it trusts a pid.
const recordSchema = z.looseObject({
  runId: z.string(),
  owner: z.looseObject({
    pid: z.number().int().positive(),
    startTimeTicks: z.number().int().nonnegative(),
    bootId: z.string(),
    pidNamespace: z.string().optional(),
  }),
  createdAtMs: z.number().optional(),
  watchdogPid: z.number().int().positive().optional(),
  workers: z.record(
    z.string(),
    z.looseObject({
      state: z.enum(['reserved', 'running']),
      token: z.string().optional(),
      pid: z.number().int().positive().optional(),
      startTimeTicks: z.number().int().nonnegative().optional(),
    }),
  ),
});

type RunRecordView = z.infer<typeof recordSchema>;

/**
 * Lists the runs registered in `<runtimeDir>/registry` (one file per run),
 * each with its owner's and workers' liveness, checked by identity (pid +
 * start time + boot id + token), never by pid alone. Reads only: nothing is
 * signalled or removed. What `snakepit ps` prints; the reaper
 * (`reapOrphans`) validates files strictly before it trusts a pid.
 */
export function listRuns(runtimeDirectory: string): RunListing[] {
  const registryDir = join(runtimeDirectory, 'registry');
  let names: string[];
  try {
    names = readdirSync(registryDir);
  } catch {
    return [];
  }
  const runIds = names
    .sort()
    .map((name) => (name.endsWith('.json') ? name.slice(0, -'.json'.length) : ''))
    .filter((runId) => RUN_ID_PATTERN.test(runId));
  const processes = scanRunProcesses(new Set(runIds));
  const bootId = readBootId();
  const namespace = readPidNamespace();
  const listings: RunListing[] = [];
  for (const runId of runIds) {
    const file = join(registryDir, `${runId}.json`);
    const parsed = readRecord(file);
    const pids = (processes.get(runId) ?? []).map((proc) => proc.pid);
    const context = { runId, file, processes: pids };
    listings.push(
      typeof parsed === 'string'
        ? { ...context, ...EMPTY, status: 'corrupt', problem: parsed }
        : toListing(parsed, context, bootId, namespace),
    );
  }
  return listings;
}

const EMPTY = {
  ownerPid: undefined,
  isOwnerAlive: false,
  createdAtMs: undefined,
  watchdogPid: undefined,
  workers: [],
} as const;

function readRecord(file: string): RunRecordView | string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return `unreadable (${(error as Error).message})`;
  }
  try {
    const result = recordSchema.safeParse(JSON.parse(text));
    return result.success
      ? result.data
      : `unexpected shape (${result.error.issues[0]?.message ?? 'invalid'})`;
  } catch (error) {
    return `not valid JSON (${(error as Error).message})`;
  }
}

function toListing(
  record: RunRecordView,
  context: { runId: string; file: string; processes: number[] },
  bootId: string | undefined,
  namespace: string | undefined,
): RunListing {
  const { owner } = record;
  const isOwnerAlive = matchesIdentity(owner);
  const workers = Object.entries(record.workers).map(([id, w]) => ({
    id,
    state: w.state,
    pid: w.pid,
    isAlive:
      w.pid !== undefined &&
      w.startTimeTicks !== undefined &&
      matchesIdentity({
        pid: w.pid,
        startTimeTicks: w.startTimeTicks,
        bootId: owner.bootId,
        ...(w.token === undefined ? {} : { token: w.token }),
      }),
  }));
  const status: RunListingStatus =
    bootId !== undefined && owner.bootId !== bootId
      ? 'previous-boot'
      : owner.pidNamespace !== undefined &&
          namespace !== undefined &&
          owner.pidNamespace !== namespace
        ? 'foreign'
        : isOwnerAlive
          ? 'live'
          : workers.some((w) => w.isAlive) || context.processes.length > 0
            ? 'orphaned'
            : 'dead';
  return {
    ...context,
    status,
    ownerPid: owner.pid,
    isOwnerAlive,
    createdAtMs: record.createdAtMs,
    watchdogPid: record.watchdogPid,
    workers,
  };
}
