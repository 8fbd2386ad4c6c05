import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { realClock } from '../clock/Clock.js';
import type { Clock } from '../clock/Clock.js';
import { SnakepitError } from '../errors/SnakepitError.js';
import type { EventBus } from '../events/EventBus.js';
import { ownProcessIdentity } from '../process/processIdentity.js';
import { readPidNamespace } from '../process/procfs.js';
import type { ProcessIdentity } from '../process/processIdentity.js';
import { RUN_ID_PATTERN } from './runRecord.js';
import type { RegisteredWorker, RunRecord } from './runRecord.js';
import { runtimeDir } from './runtimeDir.js';
import { writeFileAtomicSync } from './writeFileAtomic.js';

/** Options of {@link RunRegistry.open}. */
export interface RunRegistryOptions {
  /** Receives `snakepit.registry.error` events. */
  readonly bus?: EventBus;
  /** The runtime directory; the file goes to `<dir>/registry/<runId>.json`. @default runtimeDir() */
  readonly dir?: string;
  /**
   * Whether each write is fsynced before its rename. Not needed for what the
   * file is for: the page cache outlives any crash of this process, and after
   * a power loss or kernel crash the file is stale anyway (its boot id). Costs
   * 0.86 ms per write on a quiet ext4 (0.4 ms without), seconds per 100
   * workers when other processes write to the disk; 0.05 ms on tmpfs.
   * @default false
   */
  readonly fsync?: boolean;
  readonly clock?: Clock;
}

/**
 * The run registry: one JSON file per run listing the owner (this process)
 * and every worker slot, so that a later run, `snakepit reap` or the watchdog
 * can find and verify what a crashed run left behind.
 *
 * Every change rewrites the whole file atomically and synchronously (it is
 * small and must be on disk before the spawn it announces). I/O faults never
 * reach the caller: the registry keeps its state in memory, retries on the
 * next change, and emits one `snakepit.registry.error` per distinct failure.
 * Use one registry per run, on one thread: two writers would overwrite each
 * other's changes.
 */
export class RunRegistry {
  readonly runId: string;
  /** The registry file, or `undefined` when the runtime directory is unusable. */
  readonly file: string | undefined;
  readonly #workers = new Map<string, RegisteredWorker>();
  readonly #owner: ProcessIdentity;
  readonly #pidNamespace = readPidNamespace();
  readonly #createdAtMs: number;
  readonly #options: RunRegistryOptions;
  readonly #reported = new Set<string>();
  #watchdogPid: number | undefined;
  #cgroup: string | undefined;
  #flush: NodeJS.Immediate | undefined;
  #isPersisted = false;
  /** The tokens in the file as last written: a process carrying one is found. */
  #persistedTokens = new Set<string>();
  #isClosed = false;

  private constructor(runId: string, options: RunRegistryOptions) {
    this.runId = runId;
    this.#options = options;
    this.#owner = ownProcessIdentity();
    this.#createdAtMs = (options.clock ?? realClock).wallNow();
    this.file = this.#resolveFile();
  }

  /**
   * Creates the run's registry file. Never fails on I/O (see the class).
   *
   * @throws {SnakepitError} `INVALID_OPTIONS` when `runId` is not a valid run id.
   */
  static open(runId: string, options: RunRegistryOptions = {}): RunRegistry {
    if (!RUN_ID_PATTERN.test(runId)) {
      throw new SnakepitError(
        'INVALID_OPTIONS',
        `Expected \`runId\` to match ${String(RUN_ID_PATTERN)}, got \`${JSON.stringify(runId)}\``,
      );
    }
    const registry = new RunRegistry(runId, options);
    registry.#persist('open');
    return registry;
  }

  /** Whether the file on disk holds the latest state (false after a failed write). */
  get isPersisted(): boolean {
    return this.#isPersisted;
  }

  /** A snapshot of what the file holds (or would hold, when writes fail). */
  get record(): RunRecord {
    return {
      version: 1,
      runId: this.runId,
      owner: {
        pid: this.#owner.pid,
        startTimeTicks: this.#owner.startTimeTicks,
        bootId: this.#owner.bootId,
        ...(this.#pidNamespace === undefined ? {} : { pidNamespace: this.#pidNamespace }),
      },
      createdAtMs: this.#createdAtMs,
      workers: Object.fromEntries([...this.#workers].map(([id, w]) => [id, { ...w }])),
      ...(this.#watchdogPid === undefined ? {} : { watchdogPid: this.#watchdogPid }),
      ...(this.#cgroup === undefined ? {} : { cgroup: this.#cgroup }),
    };
  }

  /**
   * Announces a worker slot and its token. Call BEFORE spawning it: on return
   * the file on disk carries the token, by which a reaper finds the process.
   * A token the file already carries (a forked worker's is its fork server's)
   * is written at the end of the event-loop turn, with the other changes made
   * in it: a synchronous rewrite per forked worker was the main thread's top
   * cost while 100 forked workers started (ADR 0005, issue 18).
   */
  reserve(workerId: string, token: string): void {
    this.#workers.set(workerId, { state: 'reserved', token });
    if (this.#persistedTokens.has(token)) this.#persistSoon();
    else this.#persist('write');
  }

  /**
   * Records the identity of a spawned worker (which leads its own process
   * group, as `spawnProcess` makes it). The token is the identity's, else the
   * reserved one.
   */
  recordRunning(workerId: string, identity: ProcessIdentity): void {
    const token = identity.token ?? this.#workers.get(workerId)?.token;
    this.#workers.set(workerId, {
      state: 'running',
      ...(token === undefined ? {} : { token }),
      pid: identity.pid,
      pgid: identity.pid,
      startTimeTicks: identity.startTimeTicks,
    });
    this.#persistSoon();
  }

  /** Forgets a worker slot, after its process was stopped and reaped. */
  remove(workerId: string): void {
    if (this.#workers.delete(workerId)) this.#persistSoon();
  }

  /** Records the run's cgroup directory (the reaper kills and removes it). */
  setCgroup(path: string | undefined): void {
    this.#cgroup = path;
    this.#persist('write');
  }

  /** Records the pid of the run's watchdog, or clears it. */
  setWatchdogPid(pid: number | undefined): void {
    this.#watchdogPid = pid;
    this.#persist('write');
  }

  /**
   * Ends the run cleanly: removes the file (which also tells the watchdog to
   * exit). Later calls of any method do nothing.
   */
  close(): void {
    if (this.#isClosed) return;
    this.#isClosed = true;
    if (this.#flush !== undefined) clearImmediate(this.#flush);
    if (this.file === undefined) return;
    try {
      rmSync(this.file, { force: true });
    } catch (error) {
      this.#report('remove', error);
    }
  }

  #resolveFile(): string | undefined {
    try {
      const root = this.#options.dir ?? runtimeDir();
      // runtimeDir() with an explicit directory creates it 0700 and checks it is ours.
      const registryDir = runtimeDir({ SNAKEPIT_RUNTIME_DIR: join(root, 'registry') });
      return join(registryDir, `${this.runId}.json`);
    } catch (error) {
      this.#report('open', error);
      return undefined;
    }
  }

  /**
   * Writes at the end of this event-loop turn, once for every change made in
   * it (100 workers becoming ready at once write once, not 100 times). For
   * changes that need not be on disk before the next spawn: until the write,
   * the file holds the slot's reservation, whose token the environment scan
   * finds the process by.
   */
  #persistSoon(): void {
    if (this.#flush !== undefined) return;
    this.#flush = setImmediate(() => this.#persist('write'));
    this.#flush.unref?.();
  }

  #persist(operation: 'open' | 'write'): void {
    if (this.#flush !== undefined) clearImmediate(this.#flush);
    this.#flush = undefined;
    if (this.#isClosed || this.file === undefined) return;
    try {
      this.#write(this.file);
      this.#isPersisted = true;
    } catch (error) {
      this.#isPersisted = false;
      this.#report(operation, error);
    }
  }

  #write(file: string): void {
    const record = this.record;
    const data = `${JSON.stringify(record)}\n`;
    const fsync = this.#options.fsync ?? false;
    try {
      writeFileAtomicSync(file, data, { fsync });
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
      // A tmp cleaner may have removed the directory under a long-running run.
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      writeFileAtomicSync(file, data, { fsync });
    }
    this.#persistedTokens = new Set(Object.values(record.workers).flatMap((w) => w.token ?? []));
  }

  #report(operation: string, error: unknown): void {
    const code = errorCode(error);
    // One event per kind of failure: a full disk must not flood the bus. The
    // kind is the error code alone: a disk full at `open` is still full at the
    // next `write`, and that is one fault, not two (issue 8, scenario 14).
    if (this.#reported.has(code)) return;
    this.#reported.add(code);
    this.#options.bus?.emit('snakepit.registry.error', {
      operation,
      message:
        `Run registry ${this.file ?? '(no file)'}: ${(error as Error).message ?? String(error)}. ` +
        'Workers still start and are still guarded, but orphans of this run may not be reaped after a crash.',
      runId: this.runId,
      code,
    });
  }
}

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    return String(error.code);
  }
  return 'UNKNOWN';
}
