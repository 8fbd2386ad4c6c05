import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { remember } from '../process/procHelpers.js';

const DIST = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

/** What the owner process reports once its workers run. */
export interface OwnerInfo {
  readonly ownerPid: number;
  readonly registryFile: string;
  readonly runDir: string;
  readonly workers: { pid: number; token: string; workerId: string }[];
  /** Children forked by the workers: one in the worker's group, one escaped with setsid. */
  readonly grandchildren: number[];
  readonly watchdogPid?: number;
}

/** A running owner process. */
export interface Owner {
  readonly child: ChildProcess;
  readonly info: OwnerInfo;
  /** SIGKILLs the owner and waits until it is reaped: its workers are now orphans. */
  kill(): Promise<void>;
}

// Guard-less workers: nothing in them reacts to the owner's death, which is
// exactly what the reaper and the watchdog must clean up.
const OWNER_SCRIPT = `
const core = await import(process.env.CORE_DIST);
const { runId, dir, workers, withGrandchildren, watchdogPollMs } = JSON.parse(process.argv[1]);
const registry = core.RunRegistry.open(runId, { dir });
const runDir = core.createRunDir(runId, { SNAKEPIT_RUNTIME_DIR: dir });
const info = { ownerPid: process.pid, registryFile: registry.file, runDir, workers: [], grandchildren: [] };
const script = withGrandchildren
  ? 'sleep 60 & echo $!; setsid sleep 60 & echo $!; exec sleep 60'
  : 'exec sleep 60';
for (let i = 0; i < workers; i++) {
  const workerId = 'w' + i;
  const token = crypto.randomUUID().replaceAll('-', '');
  registry.reserve(workerId, token);
  const proc = await core.spawnProcess({
    command: '/bin/sh', args: ['-c', script], runId, workerId, token,
    onOutput: (_s, line) => info.grandchildren.push(Number(line)),
  });
  registry.recordRunning(workerId, core.readProcessIdentity(proc.pid, token));
  info.workers.push({ pid: proc.pid, token, workerId });
}
while (withGrandchildren && info.grandchildren.length < 2 * workers) {
  await new Promise((r) => setTimeout(r, 5));
}
if (watchdogPollMs) {
  const watchdog = await core.startWatchdog({
    runId, ownerPid: process.pid, registryFile: registry.file, pollMs: watchdogPollMs,
    ownerStartTimeTicks: core.ownProcessIdentity().startTimeTicks,
  });
  registry.setWatchdogPid(watchdog.pid);
  info.watchdogPid = watchdog.pid;
}
console.log(JSON.stringify(info));
setInterval(() => {}, 1000);
`;

/** Options of {@link startOwner}. */
export interface OwnerOptions {
  readonly runId: string;
  readonly dir: string;
  readonly workers: number;
  readonly withGrandchildren?: boolean;
  /** Starts a watchdog polling this often, when set. */
  readonly watchdogPollMs?: number;
  /** Prepended to the owner's PATH (which the watchdog inherits), e.g. to shadow grep. */
  readonly pathPrefix?: string;
}

/**
 * Starts an "owner": a separate Node process that opens a run registry,
 * spawns guard-less workers through `spawnProcess` and waits. Every process
 * it reports is remembered for clean-up. Needs `tsc -b packages/core` first.
 */
export async function startOwner(options: OwnerOptions): Promise<Owner> {
  const child = spawn(
    process.execPath,
    ['--input-type=module', '-e', OWNER_SCRIPT, JSON.stringify(options)],
    {
      env: {
        ...process.env,
        CORE_DIST: DIST,
        PATH: [options.pathPrefix, process.env.PATH].filter(Boolean).join(':'),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    void exited.then(() => reject(new Error('the owner exited before reporting')));
  });
  const info = JSON.parse(line) as OwnerInfo;
  for (const pid of [...info.workers.map((w) => w.pid), ...info.grandchildren]) remember(pid);
  if (info.watchdogPid !== undefined) remember(info.watchdogPid);
  owners.push(child);
  return {
    child,
    info,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

const owners: ChildProcess[] = [];

/** SIGKILLs every owner still running (Node refuses to signal a reaped child). */
export function killOwners(): void {
  for (const child of owners.splice(0)) child.kill('SIGKILL');
}
