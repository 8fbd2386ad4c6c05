import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { isAbsolute } from 'node:path';
import { SnakepitError } from '../errors/SnakepitError.js';
import { realClock } from '../clock/Clock.js';
import type { Clock } from '../clock/Clock.js';
import { LineSplitter } from './LineSplitter.js';
import { ManagedProcess, childSource } from './ManagedProcess.js';
import { createWorkerCgroup, removeCgroup } from './cgroup.js';

/** Options of {@link spawnProcess}. */
export interface SpawnProcessOptions {
  /** Absolute path of the executable (never looked up on PATH). */
  readonly command: string;
  readonly args?: readonly string[];
  /** The run this process belongs to; goes into `SNAKEPIT_RUN_ID` and `--snakepit-run-id`. */
  readonly runId: string;
  /** Stable name of the worker slot, e.g. `w3`; goes into `SNAKEPIT_WORKER_ID`. */
  readonly workerId: string;
  /** Per-process secret for identity checks; generated when absent. */
  readonly token?: string;
  /** Extra environment, on top of `process.env`. */
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
  /**
   * Called with each line the process writes to stdout or stderr (split at
   * `\n`, `\r\n` or `\r`); a line over 64 KiB comes in pieces of at most
   * 64 KiB (see `LineSplitter`).
   */
  readonly onOutput?: (stream: 'stdout' | 'stderr', line: string) => void;
  readonly clock?: Clock;
  /**
   * The run's cgroup v2 directory (see `cgroup.ts`): the process gets its own
   * cgroup inside it, joins it before running anything else, and everything
   * it forks — `setsid` escapees included — is killed when it is reaped.
   */
  readonly runCgroup?: string | undefined;
}

/**
 * Spawns a process as the leader of its own session and process group, with
 * a control socket on fd 3 and its identity in its environment.
 *
 * The child is spawned from the calling thread: on Linux its
 * `PR_SET_PDEATHSIG` fires when this thread ends
 * (`docs/architecture.md#pdeathsig-follows-the-spawning-thread`), so call it
 * from the thread that owns the worker.
 *
 * @throws {SnakepitError} `SPAWN_FAILED` when the executable cannot be started.
 */
export async function spawnProcess(options: SpawnProcessOptions): Promise<ManagedProcess> {
  if (!isAbsolute(options.command)) {
    throw new SnakepitError(
      'SPAWN_FAILED',
      `Expected an absolute executable path, got \`${options.command}\``,
    );
  }
  const clock = options.clock ?? realClock;
  const token = options.token ?? randomBytes(16).toString('hex');
  let cgroup: string | undefined;
  if (options.runCgroup !== undefined) {
    const name = `${options.workerId}.${randomBytes(4).toString('hex')}`;
    try {
      cgroup = createWorkerCgroup(options.runCgroup, name);
    } catch (error) {
      throw new SnakepitError(
        'SPAWN_FAILED',
        `Could not create the worker's cgroup in \`${options.runCgroup}\`: ${(error as Error).message}. Set \`cgroup: 'off'\` to rely on process groups alone.`,
        { cause: error, details: { runCgroup: options.runCgroup } },
      );
    }
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    SNAKEPIT_RUN_ID: options.runId,
    SNAKEPIT_OWNER_PID: String(process.pid),
    SNAKEPIT_WORKER_ID: options.workerId,
    SNAKEPIT_WORKER_TOKEN: token,
  };
  // Set here only: a value inherited from our own environment is not ours.
  if (cgroup === undefined) delete env.SNAKEPIT_WORKER_CGROUP;
  else env.SNAKEPIT_WORKER_CGROUP = cgroup;
  const startedAtMs = clock.now();
  const child = spawn(options.command, [...(options.args ?? [])], {
    env,
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    // A new session makes the child a process-group leader: one killpg()
    // reaches everything it forks (except a grandchild that calls setsid).
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (error) => {
      if (cgroup !== undefined) void removeCgroup(cgroup);
      reject(
        new SnakepitError(
          'SPAWN_FAILED',
          `Could not start \`${options.command}\`: ${error.message}${spawnHint(error)}`,
          { cause: error, details: { command: options.command } },
        ),
      );
    });
  });
  for (const stream of ['stdout', 'stderr'] as const) {
    const readable = child[stream];
    if (!readable) continue;
    const lines = new LineSplitter((line) => options.onOutput?.(stream, line));
    readable.on('data', (chunk: Buffer) => lines.push(chunk));
    readable.on('end', () => lines.end());
  }
  return new ManagedProcess(
    childSource(child),
    child.stdio[3] as Socket,
    token,
    startedAtMs,
    clock,
    cgroup,
  );
}

/** What to do about the errno of a failed spawn, when we know. */
function spawnHint(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EMFILE':
      return '. This process is out of file descriptors (each worker holds a few here): raise its limit (`ulimit -n`, LimitNOFILE=) or start fewer workers.';
    case 'ENFILE':
      return '. The system is out of file descriptors (fs.file-max): close some or raise the limit.';
    case 'EAGAIN':
    case 'ENOMEM':
      return '. The system refused a new process (memory, or the pids limit of this user or cgroup): see docs/troubleshooting.md.';
    default:
      return '';
  }
}
