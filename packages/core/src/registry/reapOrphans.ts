import { existsSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { parseOptions } from '../config/parseOptions.js';
import type { EventBus } from '../events/EventBus.js';
import { RUN_CGROUP_PREFIX, detectCgroupBase, removeCgroup } from '../process/cgroup.js';
import { matchesIdentity } from '../process/processIdentity.js';
import type { ProcessIdentity } from '../process/processIdentity.js';
import { readBootId, readPidNamespace } from '../process/procfs.js';
import { killOrphans } from './killOrphans.js';
import { planRunReap } from './planRunReap.js';
import type { OrphanTarget, RunPlan } from './planRunReap.js';
import { readRunFiles } from './readRunFiles.js';
import type { RunFile } from './readRunFiles.js';
import { runtimeDir } from './runtimeDir.js';
import { scanRunProcesses } from './scanRunProcesses.js';

/** Options of {@link reapOrphans}. */
export interface ReapOrphansOptions {
  /** The runtime directory holding `registry/` and `runs/`. @default runtimeDir() */
  readonly dir?: string;
  /** Receives `snakepit.orphan.reaped` and `snakepit.registry.error` events. */
  readonly bus?: EventBus;
  /** Report what would be done; kill nothing, remove nothing. @default false */
  readonly dryRun?: boolean;
  /** How long orphans get between SIGTERM and SIGKILL, in ms. @default 500 */
  readonly termGraceMs?: number;
  /**
   * Whether a run's owner still runs. @default pid + start time + boot id match
   * (`matchesIdentity`); without procfs, whether any process holds the pid.
   */
  readonly isOwnerAlive?: (owner: ProcessIdentity) => boolean;
}

// The serialisable options, checked at the boundary; `bus` and `isOwnerAlive` pass through.
const checkedOptions = z.looseObject({
  dir: z.string().min(1).optional(),
  dryRun: z.boolean().default(false),
  termGraceMs: z.number().int().min(0).max(60_000).default(500),
});

/** One process killed (or, in a dry run, to be killed). */
export interface ReapedProcess {
  readonly runId: string;
  readonly workerId?: string;
  readonly pid: number;
  /** The signal that ended it; in a dry run, the first one that would be sent. */
  readonly signal: 'SIGTERM' | 'SIGKILL';
}

/** What {@link reapOrphans} found and did. */
export interface ReapReport {
  readonly reaped: ReapedProcess[];
  /** Runs whose owner is (or may be) alive, or that another pid namespace wrote: not touched. */
  readonly skippedLiveRuns: string[];
  /** Runs whose file was unreadable or malformed (then cleaned by environment scan). */
  readonly corrupt: string[];
  /** Runs whose registry file and socket directory were removed. */
  readonly removedRuns: string[];
}

/**
 * Finds runs whose owner died without cleaning up (crash, SIGKILL, OOM), and
 * kills what they left behind — only processes whose identity is verified
 * (see `planRunReap`): never on a pid alone. Runs of live owners are left
 * alone; files from a previous boot are removed without killing anything; a
 * corrupt file is reported and its run cleaned by environment scan. Then the
 * run's registry file and `runs/<runId>` directory are removed, unless a
 * process survived SIGKILL or may still have a live owner.
 *
 * Linux does all of it. Without procfs nothing can be verified: nothing is
 * killed, and only files whose owner pid no longer exists are removed.
 * I/O faults never throw: they become `snakepit.registry.error` events.
 *
 * @throws {SnakepitError} `INVALID_OPTIONS` when an option is out of range.
 */
export async function reapOrphans(options: ReapOrphansOptions = {}): Promise<ReapReport> {
  const { termGraceMs, dryRun } = parseOptions(checkedOptions, options, 'reapOrphans');
  const report: ReapReport = { reaped: [], skippedLiveRuns: [], corrupt: [], removedRuns: [] };
  const root = resolveRoot(options);
  if (root === undefined) return report;
  const files = readRunFiles(join(root, 'registry'), {
    corrupt: report.corrupt,
    isDryRun: dryRun,
    ...(options.bus ? { bus: options.bus } : {}),
  });
  const scan = scanRunProcesses(new Set(files.map((f) => f.runId)));
  const bootId = readBootId();
  const pidNamespace = readPidNamespace();
  const isOwnerAlive = options.isOwnerAlive ?? defaultIsOwnerAlive;
  const plans = files.map((file) => ({
    file,
    plan: planRunReap({
      ...file,
      processes: scan.get(file.runId) ?? [],
      bootId,
      pidNamespace,
      isOwnerAlive,
    }),
  }));
  const targets = plans.flatMap(({ plan }) => (plan.kind === 'orphaned' ? plan.targets : []));
  const survivors = dryRun
    ? dryRunReaped(targets, report)
    : await killAndReport(targets, termGraceMs, report, options.bus);
  for (const { file, plan } of plans) {
    if (!dryRun && plan.kind === 'orphaned' && !plan.hasLiveOwnedProcesses) {
      await removeRunCgroup(file, options.bus);
    }
    if (isLive(plan)) report.skippedLiveRuns.push(file.runId);
    // A run with a process that outlived SIGKILL keeps its file for the next pass.
    else if (!survivors.has(file.runId) && (dryRun || removeRun(root, file, options.bus)))
      report.removedRuns.push(file.runId);
  }
  return report;
}

function isLive(plan: RunPlan): boolean {
  if (plan.kind === 'orphaned') return plan.hasLiveOwnedProcesses;
  return plan.kind === 'live' || plan.kind === 'foreign';
}

function resolveRoot(options: ReapOrphansOptions): string | undefined {
  try {
    return options.dir ?? runtimeDir();
  } catch (error) {
    options.bus?.emit('snakepit.registry.error', {
      operation: 'reap',
      message: (error as Error).message,
      code: 'REGISTRY_ERROR',
    });
    return undefined;
  }
}

function dryRunReaped(targets: readonly OrphanTarget[], report: ReapReport): Set<string> {
  for (const t of targets) report.reaped.push(toReaped(t, 'SIGTERM'));
  return new Set();
}

async function killAndReport(
  targets: readonly OrphanTarget[],
  termGraceMs: number,
  report: ReapReport,
  bus?: EventBus,
): Promise<Set<string>> {
  const survivors = new Set<string>();
  for (const { target, signal, hasSurvived } of await killOrphans(targets, termGraceMs)) {
    if (hasSurvived) survivors.add(target.runId);
    if (!signal || hasSurvived) continue;
    report.reaped.push(toReaped(target, signal));
    bus?.emit('snakepit.orphan.reaped', {
      runId: target.runId,
      pid: target.pid,
      signal,
      ...(target.workerId === undefined ? {} : { workerId: target.workerId }),
      foundBy: target.foundBy,
    });
  }
  return survivors;
}

function toReaped(target: OrphanTarget, signal: 'SIGTERM' | 'SIGKILL'): ReapedProcess {
  return {
    runId: target.runId,
    ...(target.workerId === undefined ? {} : { workerId: target.workerId }),
    pid: target.pid,
    signal,
  };
}

/**
 * Kills what is left in a dead run's cgroup (a `setsid` escapee the scan
 * missed, say) and removes it. The path comes from the record, or for a
 * corrupt file is our own cgroup's sibling of that name; either way only a
 * directory named `snakepit-<runId>` is touched.
 */
async function removeRunCgroup(file: RunFile, bus?: EventBus): Promise<void> {
  const name = `${RUN_CGROUP_PREFIX}${file.runId}`;
  let path = file.record?.cgroup;
  if (path === undefined) {
    const base = detectCgroupBase();
    if (!base.isAvailable) return;
    path = join(base.dir, name);
  }
  if (basename(path) !== name || !existsSync(join(path, 'cgroup.kill'))) return;
  if (!(await removeCgroup(path))) {
    bus?.emit('snakepit.registry.error', {
      operation: 'reap',
      message: `Cgroup ${path} of dead run ${file.runId} was still populated after cgroup.kill`,
      runId: file.runId,
      code: 'EBUSY',
    });
  }
}

function removeRun(root: string, file: RunFile, bus?: EventBus): boolean {
  try {
    // The socket directory first: a file left without its directory is still found next time.
    rmSync(join(root, 'runs', file.runId), { recursive: true, force: true });
    rmSync(file.path, { force: true });
    return true;
  } catch (error) {
    bus?.emit('snakepit.registry.error', {
      operation: 'remove',
      message: `Could not remove run ${file.runId}: ${(error as Error).message}`,
      runId: file.runId,
      code: (error as NodeJS.ErrnoException).code ?? 'UNKNOWN',
    });
    return false;
  }
}

/** pid + start time + boot id; without procfs, merely whether the pid exists. */
function defaultIsOwnerAlive(owner: ProcessIdentity): boolean {
  if (readBootId() !== undefined) return matchesIdentity(owner);
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
