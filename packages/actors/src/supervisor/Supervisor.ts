import { SnakepitError } from '@snakepit/core';
import type { ChildHandle, ChildSpec, ShutdownBudget } from '../child/ChildSpec.js';
import { describeExit, toExitError, type ExitReason } from '../exit/ExitReason.js';
import { invalidOption } from '@snakepit/core';
import { ChildTable, createChildRecord, type ChildRecord } from './ChildTable.js';
import { RestartEngine } from './RestartEngine.js';
import type { ChildExit, ChildView } from './RestartStrategy.js';
import { SerialQueue } from './SerialQueue.js';
import type { RestartChildOutcome, TerminateChildOutcome } from './ChildRequestOutcome.js';
import { stopHandle } from './stopHandle.js';
import type { ResolvedSupervisorOptions } from './SupervisorOptions.js';
import { runShutdown, type ShutdownMode } from './runShutdown.js';
import { createSupervisorEmit, type SupervisorEmit } from './createSupervisorEmit.js';

/**
 * A running supervisor with OTP semantics. It is itself a {@link ChildHandle},
 * so supervisors nest. Create one with `createSupervisor` or
 * `createDynamicSupervisor`.
 */
export class Supervisor implements ChildHandle {
  readonly id: string;
  /** Settles when the supervisor has exited: `shutdown` (also after escalating, as OTP), or `killed`. */
  readonly exited: Promise<ExitReason>;
  readonly #options: ResolvedSupervisorOptions;
  readonly #mode: ShutdownMode;
  readonly #table = new ChildTable();
  readonly #queue = new SerialQueue();
  /** Children being stopped: a kill must reach them too. */
  readonly #stopping = new Set<ChildHandle>();
  #state: 'running' | 'stopping' | 'stopped' = 'running';
  #isKilled = false;
  #resolveExited!: (reason: ExitReason) => void;
  readonly #engine: RestartEngine;
  readonly #emit: SupervisorEmit;

  /** @internal Use `createSupervisor` or `createDynamicSupervisor`. */
  constructor(options: ResolvedSupervisorOptions, mode: ShutdownMode) {
    this.id = options.id;
    this.#options = options;
    this.#mode = mode;
    this.exited = new Promise((resolve) => (this.#resolveExited = resolve));
    this.#emit = createSupervisorEmit(options.id, options);
    this.#engine = new RestartEngine({
      options,
      table: this.#table,
      isDynamic: mode.isDynamic,
      isRunning: () => this.#state === 'running',
      startRecord: (record) => this.#startRecord(record),
      stopRecord: (record, budget) => this.#stopRecord(record, budget),
      push: (op) => this.#push(op),
      escalate: (exit, escalation) => this.#escalate(exit, escalation),
      emit: this.#emit,
    });
  }

  /**
   * @internal Starts the initial children in order; on failure stops them and
   * rejects. Runs as one mailbox operation, as OTP's `init/1`: a child that
   * exits while later ones are still starting is handled after start-up.
   */
  async init(): Promise<void> {
    for (const spec of this.#options.children)
      this.#table.add(createChildRecord(spec, this.#options.backoff));
    await this.#queue.push(async () => {
      for (const record of this.#table.all()) {
        const error = await this.#startRecord(record);
        if (error === undefined) continue;
        await this.#shutdown('stopped');
        throw startFailed(this.id, record.id, error);
      }
    });
  }

  /** The children in start order, as strategies see them. */
  whichChildren(): readonly ChildView[] {
    return this.#table.views();
  }

  /**
   * Resolves once every exit, request and due restart that has reached the
   * mailbox has been handled. An exit reaches it through promise callbacks,
   * so right after a child ends, wait with `flush` from `@snakepit/actors/testing`.
   */
  settled(): Promise<void> {
    return this.#queue.idle();
  }

  /** Adds and starts a child (appended last in start order). @throws SnakepitError */
  startChild(spec: ChildSpec): Promise<void> {
    return this.#queue.push(async () => {
      this.#assertRunning();
      if (this.#table.get(spec.id)) throw invalidOption('id', spec.id, 'unique among the children');
      if (this.#mode.maxChildren <= this.#table.size) {
        throw invalidOption('maxChildren', this.#mode.maxChildren, `more than ${this.#table.size}`);
      }
      const record = createChildRecord(spec, this.#options.backoff);
      this.#table.add(record);
      const error = await this.#startRecord(record);
      if (error === undefined) return;
      this.#table.remove(record.id);
      throw startFailed(this.id, spec.id, error);
    });
  }

  /**
   * Stops a child within its budget (a pending restart or retry of it is
   * cancelled). A static supervisor keeps its spec (start it again with
   * `restartChild`) unless it is `temporary`; a dynamic one forgets it.
   * @returns `{ ok: true }`, or `{ ok: false, reason: 'not_found' }` (OTP's `{error, not_found}`).
   */
  terminateChild(id: string): Promise<TerminateChildOutcome> {
    return this.#queue.push(async () => {
      const record = this.#table.get(id);
      if (!record) return { ok: false, reason: 'not_found' } as const;
      record.pendingToken = undefined;
      await this.#stopRecord(record, record.shutdown);
      if (this.#mode.isDynamic || record.restart === 'temporary') this.#table.remove(id);
      return { ok: true } as const;
    });
  }

  /**
   * Starts a stopped child of a static supervisor again (not counted as a
   * restart). As OTP, a child that runs answers `running`, and one that waits
   * for a delayed restart or for the retry of a failed start answers
   * `restarting`: that restart still happens and counts toward intensity.
   * @throws SnakepitError `CHILD_START_FAILED` when its `start()` fails.
   */
  restartChild(id: string): Promise<RestartChildOutcome> {
    return this.#queue.push(async () => {
      this.#assertRunning();
      const record = this.#table.get(id);
      if (!record) return { ok: false, reason: 'not_found' } as const;
      if (record.status !== 'stopped') return { ok: false, reason: record.status } as const;
      const error = await this.#startRecord(record);
      if (error) throw startFailed(this.id, id, error);
      return { ok: true } as const;
    });
  }

  /**
   * Stops the children (reverse start order; a dynamic supervisor stops them
   * all at once) and exits. With a budget in ms, children still running when
   * it runs out are killed and the supervisor exits `killed`.
   */
  async stop(_reason: 'shutdown' = 'shutdown', budget: ShutdownBudget = 'infinity'): Promise<void> {
    if (budget === 'brutal_kill') {
      await this.#kill();
    } else {
      const timer =
        typeof budget === 'number'
          ? this.#options.clock.setTimeout(() => void this.#kill(), budget)
          : undefined;
      await this.#queue.push(() => this.#shutdown('stopped'));
      timer?.cancel();
    }
    await this.exited;
  }

  #assertRunning(): void {
    if (this.#state !== 'running') {
      throw new SnakepitError('SUPERVISOR_STOPPED', `Supervisor "${this.id}" is ${this.#state}`, {
        details: { supervisorId: this.id },
      });
    }
  }

  /** Pushes an internal operation; a bug in it escalates instead of being lost. */
  #push(op: () => Promise<void>): void {
    const onError = (error: unknown): Promise<void> => {
      const exit = { childId: '', reason: toExitError(error), isStartFailure: false, atMs: 0 };
      return this.#escalate({ ...exit, atMs: this.#now() }, 'internal_error');
    };
    this.#queue.pushOrElse(op, onError);
  }

  #now(): number {
    return this.#options.clock.now();
  }

  /** Starts one child; returns the error when it fails. */
  async #startRecord(record: ChildRecord): Promise<Error | undefined> {
    record.pendingToken = undefined;
    let handle: ChildHandle;
    try {
      handle = await record.spec.start();
    } catch (error) {
      record.status = 'stopped';
      return toExitError(error);
    }
    if (this.#state !== 'running') {
      // Killed while this start was in flight: the new child must not outlive us.
      void handle.stop('shutdown', 'brutal_kill');
      return new SnakepitError(
        'SUPERVISOR_STOPPED',
        `Supervisor "${this.id}" stopped during start`,
      );
    }
    record.handle = handle;
    record.status = 'running';
    record.startedAtMs = this.#now();
    void handle.exited.then(
      (reason) => this.#push(() => this.#engine.onExit(record, handle, reason)),
      (error: unknown) => this.#push(() => this.#engine.onExit(record, handle, toExitError(error))),
    );
    return undefined;
  }

  async #stopRecord(record: ChildRecord, budget: ShutdownBudget): Promise<void> {
    const handle = record.handle;
    record.handle = undefined;
    record.status = 'stopped';
    if (!handle) return;
    this.#stopping.add(handle);
    await stopHandle(handle, budget);
    this.#stopping.delete(handle);
  }

  async #escalate(exit: ChildExit, escalation: string): Promise<void> {
    if (this.#state !== 'running') return;
    this.#emit('snakepit.supervisor.escalated', {
      childId: exit.childId,
      reason: describeExit(exit.reason),
      escalation,
      restartsInPeriod: this.#engine.restartsInPeriod(exit.atMs),
      maxRestarts: this.#options.maxRestarts,
      periodMs: this.#options.periodMs,
    });
    await this.#shutdown('escalated');
  }

  async #shutdown(cause: 'stopped' | 'escalated'): Promise<void> {
    if (this.#state !== 'running') return;
    this.#state = 'stopping';
    await this.#finish(
      cause,
      (records) => runShutdown(records, this.#mode, (r) => this.#stopRecord(r, r.shutdown)),
      'shutdown',
    );
  }

  async #kill(): Promise<void> {
    if (this.#state === 'stopped') return;
    this.#state = 'stopping';
    this.#isKilled = true;
    const inFlight = [...this.#stopping].map((handle) => stopHandle(handle, 'brutal_kill'));
    await this.#finish(
      'killed',
      (records) =>
        Promise.all([...inFlight, ...records.map((r) => this.#stopRecord(r, 'brutal_kill'))]),
      'killed',
    );
  }

  async #finish(
    cause: 'stopped' | 'escalated' | 'killed',
    stopAll: (records: ChildRecord[]) => Promise<unknown>,
    reason: ExitReason,
  ): Promise<void> {
    const startedMs = this.#now();
    this.#engine.cancelTimers();
    await stopAll(this.#table.all().filter((r) => r.handle !== undefined));
    if (this.#state === 'stopped') return;
    this.#state = 'stopped';
    const killed = this.#isKilled;
    this.#emit('snakepit.supervisor.shutdown', {
      cause: killed ? 'killed' : cause,
      durationMs: this.#now() - startedMs,
    });
    this.#resolveExited(killed ? 'killed' : reason);
  }
}

function startFailed(supervisorId: string, childId: string, error: Error): SnakepitError {
  return new SnakepitError(
    'CHILD_START_FAILED',
    `Supervisor "${supervisorId}" could not start child "${childId}": ${error.message}`,
    { cause: error, details: { supervisorId, childId } },
  );
}
