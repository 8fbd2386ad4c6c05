import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ProcessRef } from './processes.js';
import { killEnv, killRefs, killRun } from './processes.js';

/** The Node script that owns a pool and waits to be killed (see its header). */
export const OWNER_SCRIPT = fileURLToPath(new URL('./owner.mjs', import.meta.url));

/**
 * The environment entry every process of an owner carries: the owner itself,
 * its children between fork and exec, its workers, their guardians (which keep
 * the `SNAKEPIT_*` variables) and everything the workers fork. Only the
 * watchdog starts with a clean environment.
 */
export const OWNER_TAG_ENV = 'SNAKEPIT_CHAOS_TAG';

/** What {@link startOwner} runs; see `owner.mjs`. Give `pool` or `processes`. */
export interface OwnerSpec {
  readonly runId?: string;
  /** `createPool` options (JSON only). */
  readonly pool?: Readonly<Record<string, unknown>>;
  /** Guard-less `sleep` workers in a run registry instead of a pool (core's reaper tests). */
  readonly processes?: OwnedProcessesSpec;
  /** One `spawn_children(n)` call per entry, made at once. */
  readonly grandchildren?: readonly number[];
  /** Calls left running, each on a worker of its own. */
  readonly calls?: readonly { readonly command: string; readonly args?: unknown }[];
  /** Idle workers to SIGSTOP once everything else is in place. */
  readonly stopped?: number;
  readonly settleMs?: number;
  /** Stop the pool gracefully right after `ready` (prints `stopped`). */
  readonly stopAfterReady?: boolean;
}

/** The `processes` of an {@link OwnerSpec}. */
export interface OwnedProcessesSpec {
  /** The runtime directory of the run registry. */
  readonly dir: string;
  readonly workers: number;
  /** Each worker forks two `sleep`s: one in its group, one escaped with setsid. */
  readonly withGrandchildren?: boolean;
  /** Starts a watchdog polling this often, when set. */
  readonly watchdogPollMs?: number;
}

/** A worker as the owner reported it. */
export interface ReportedWorker extends ProcessRef {
  readonly id: string;
  /** `idle`, `stopped`, or the command it is running. */
  readonly role: string;
  /** Its registry token (`processes` owners). */
  readonly token?: string;
}

/** A descendant of the owner as it reported it. */
export interface ReportedProcess extends ProcessRef {
  readonly ppid: number;
  readonly cmd: string;
}

/** The owner's `ready` line. */
export interface OwnerReady {
  readonly pid: number;
  readonly runId: string;
  readonly startTime: number;
  readonly workers: readonly ReportedWorker[];
  readonly grandchildren: readonly ProcessRef[];
  readonly guardians: readonly ReportedProcess[];
  readonly watchdog?: ReportedProcess;
  readonly descendants: readonly ReportedProcess[];
  /** The run registry file (`processes` owners). */
  readonly registryFile?: string;
  /** The run's directory (`processes` owners). */
  readonly runDir?: string;
}

type OwnerLine = { readonly event: string } & Record<string, unknown>;

/** A running owner script. */
export interface OwnerProcess {
  readonly pid: number;
  readonly runId: string;
  /** The value of {@link OWNER_TAG_ENV} in all its processes. */
  readonly tag: string;
  /** Resolves with the next line of that event; rejects if the owner exits or errs first. */
  next(event: 'ready'): Promise<OwnerReady>;
  next(event: string): Promise<OwnerLine>;
  /** SIGKILLs the owner; returns the `performance.now()` taken right after the signal. */
  kill(): number;
  /** Settles once the owner has exited and been reaped. */
  readonly exited: Promise<void>;
  /** What it wrote to stderr so far (for failure messages). */
  stderr(): string;
}

const owners = new Set<OwnerProcess>();

/** How {@link startOwner} runs the script. */
export interface OwnerLaunchOptions {
  /** `ulimit -n` (RLIMIT_NOFILE) of the owner, set by a shell that then execs Node. */
  readonly nofile?: number;
  /** Prepended to the owner's PATH (which a watchdog inherits), e.g. to shadow grep. */
  readonly pathPrefix?: string;
}

/** Starts `owner.mjs` with `spec`; every owner is remembered for {@link killOwners}. */
export function startOwner(spec: OwnerSpec, launch: OwnerLaunchOptions = {}): OwnerProcess {
  const runId = spec.runId ?? `chaos-${randomBytes(6).toString('hex')}`;
  const tag = runId;
  const args = [OWNER_SCRIPT, JSON.stringify({ ...spec, runId })];
  const [file, argv] =
    launch.nofile === undefined
      ? [process.execPath, args]
      : [
          '/bin/sh',
          ['-c', `ulimit -n ${launch.nofile} && exec "$0" "$@"`, process.execPath, ...args],
        ];
  const child = spawn(file, argv, {
    env: {
      ...process.env,
      [OWNER_TAG_ENV]: tag,
      PATH: [launch.pathPrefix, process.env.PATH].filter(Boolean).join(':'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const owner = wrap(child, runId, tag);
  owners.add(owner);
  return owner;
}

function wrap(child: ChildProcess, runId: string, tag: string): OwnerProcess {
  const lines: OwnerLine[] = [];
  const waiters = new Set<() => void>();
  let stderr = '';
  let hasExited = false;
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout! }).on('line', (text) => {
    try {
      const line = JSON.parse(text) as OwnerLine;
      lines.push(line);
      // The watchdog starts with a clean environment: no scan finds it.
      if (line.event === 'ready' && line.watchdog) watchdogs.push(line.watchdog as ProcessRef);
    } catch {
      stderr += `(stdout) ${text}\n`;
    }
    for (const wake of waiters) wake();
  });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      hasExited = true;
      for (const wake of waiters) wake();
      resolve();
    }),
  );
  const next = (event: string): Promise<OwnerLine> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const index = lines.findIndex((l) => l.event === event || l.event === 'error');
        const line = index < 0 ? undefined : lines.splice(index, 1)[0];
        if (line?.event === 'error' || (!line && hasExited)) {
          waiters.delete(check);
          reject(
            new Error(
              `owner ${child.pid} failed before "${event}": ${typeof line?.message === 'string' ? line.message : ''}\n${stderr}`,
            ),
          );
        } else if (line) {
          waiters.delete(check);
          resolve(line);
        }
      };
      waiters.add(check);
      check();
    });
  return {
    pid: child.pid!,
    runId,
    tag,
    next: next as OwnerProcess['next'],
    kill() {
      child.kill('SIGKILL');
      return performance.now();
    },
    exited,
    stderr: () => stderr,
  };
}

const watchdogs: ProcessRef[] = [];

/**
 * SIGKILLs every owner started so far, every process of their runs (by run
 * id and by tag) and the watchdogs they reported: the clean-up after each
 * test, failed or not.
 */
export async function killOwners(): Promise<void> {
  for (const owner of owners) {
    owner.kill();
    await owner.exited;
    await killRun(owner.runId);
    killEnv(OWNER_TAG_ENV, owner.tag);
  }
  owners.clear();
  killRefs(watchdogs.splice(0));
}
