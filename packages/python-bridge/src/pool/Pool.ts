import { POOL_WORKER_STATES, SnakepitError, isSnakepitError } from '@snakepit/core';
import type {
  PythonSpanRecord,
  Clock,
  EventBus,
  ExecuteOutcome,
  ExecuteTracer,
  PoolWorkerState,
} from '@snakepit/core';
import type { DynamicSupervisor } from '@snakepit/actors';
import type { ExecuteOptions } from '../client/WorkerClient.js';
import { pythonSpansOf } from '../data/pythonSpans.js';
import { CallDeadline } from './CallDeadline.js';
import { Router } from './Router.js';
import { recycleDecision } from './recycleReason.js';
import type { ResolvedPoolOptions } from './PoolOptions.js';
import type { WorkerSlot, WorkerSlotView } from './WorkerSlot.js';
import type { WorkerSlots } from './WorkerSlots.js';

/** Options of one call through the pool. */
export interface PoolCallOptions extends ExecuteOptions {
  /**
   * Fails the call with `EXECUTE_TIMEOUT` this many milliseconds after
   * `execute` (or `stream`) was called, time waiting in the queue included:
   * a call still queued then leaves the queue; one that reached a worker
   * sends it what is left, which is the handler's deadline. An idempotent
   * retry runs within the same budget. Python is not interrupted: the call
   * keeps its worker's capacity until the worker's next Pong shows it done.
   */
  readonly timeoutMs?: number;
  /** The call may be retried once on another worker if its worker dies mid-call. @default false */
  readonly idempotent?: boolean;
}

interface CallInProgress {
  readonly slot: WorkerSlot;
  readonly queuedAtMs: number;
  readonly startedAtMs: number;
}

/** A snapshot of the pool, for status pages and tests. */
export interface PoolStats {
  readonly id: string;
  readonly runId: string;
  readonly size: number;
  readonly state: 'running' | 'stopping' | 'stopped' | 'failed';
  readonly byState: Readonly<Record<PoolWorkerState, number>>;
  readonly queued: number;
  readonly workers: readonly WorkerSlotView[];
}

/** What a pool is built from (see `createPool`). */
export interface PoolParts {
  readonly options: ResolvedPoolOptions;
  readonly runId: string;
  readonly bus: EventBus;
  readonly clock: Clock;
  readonly supervisor: DynamicSupervisor;
  readonly slots: WorkerSlots;
  /** Traces each call, when given (see `ExecuteTracer`); else the bus's `executeTracer`. */
  readonly tracer?: ExecuteTracer | undefined;
  /** Stops the hosts of the worker actors, after the supervisor. */
  readonly closeHosts: () => Promise<void>;
}

/**
 * A supervised pool of Python workers with a router: calls go to ready
 * workers only, wait in a bounded queue when all are busy, and fail with a
 * typed error when their worker dies.
 */
export class Pool {
  readonly id: string;
  readonly runId: string;
  /** Every lifecycle event of the pool and its workers. */
  readonly events: EventBus;
  readonly #parts: PoolParts;
  readonly #router: Router<WorkerSlot>;
  #state: PoolStats['state'] = 'running';
  #stopping: Promise<void> | undefined;
  #failure: SnakepitError | undefined;
  #isKilled = false;
  #closing: Promise<void> | undefined;
  #resolveEnded!: (failure: SnakepitError | undefined) => void;
  readonly #ended = new Promise<SnakepitError | undefined>((resolve) => {
    this.#resolveEnded = resolve;
  });

  /** @internal Built by {@link createPool}; stripped from the declarations. */
  constructor(parts: PoolParts) {
    this.#parts = parts;
    this.id = parts.options.id;
    this.runId = parts.runId;
    this.events = parts.bus;
    const { options, clock, bus } = parts;
    this.#router = new Router(parts.slots.all, {
      poolId: this.id,
      concurrency: options.concurrency,
      maxQueue: options.maxQueue,
      queueTimeoutMs: options.queueTimeoutMs,
      clock,
      bus,
    });
    parts.slots.listen({
      ready: () => this.#router.dispatch(),
      freed: (slot, calls) => {
        for (let n = calls; n > 0; n--) this.#router.release(slot);
      },
    });
    void parts.supervisor.exited.then((reason) => this.#onSupervisorExit(reason));
    const { maxUptimeMs, maxRssBytes } = options.recycle;
    if (maxUptimeMs !== undefined || maxRssBytes !== undefined) this.#scheduleRecycleCheck();
  }

  /**
   * Runs `command` on a ready worker and resolves with its result. Its
   * `timeoutMs` starts now and covers the wait for a worker (and a retry).
   *
   * @typeParam T - The result's type. An unchecked assertion: the result is
   *   whatever Python returned, decoded from JSON, and nothing validates it
   *   against `T` (validate it yourself where it matters). @default unknown
   * @throws {PythonError} when the handler raised.
   * @throws {SnakepitError} `POOL_SATURATED`, `POOL_STOPPED`, `UNKNOWN_COMMAND`,
   *   `SERIALIZATION_FAILED`, `EXECUTE_TIMEOUT`, `ABORTED`, `WORKER_CRASHED`.
   */
  async execute<T = unknown>(
    command: string,
    args?: unknown,
    options: PoolCallOptions = {},
  ): Promise<T> {
    const deadline = CallDeadline.start(command, options, this.#parts.clock);
    try {
      return (await this.#execute(command, args, options, deadline)) as T;
    } catch (error) {
      if (!options.idempotent || !isSnakepitError(error, 'WORKER_CRASHED')) throw error;
      return this.#execute(command, args, options, deadline) as Promise<T>;
    }
  }

  /**
   * Runs a generator `command` and yields its items; the worker is held
   * until the end. `timeoutMs` is counted as by {@link execute}.
   *
   * @typeParam T - The type of each item. An unchecked assertion, as for
   *   {@link execute}: items are decoded from JSON, nothing validates them.
   *   @default unknown
   * @throws {PythonError} when the handler raised.
   * @throws {SnakepitError} as {@link execute} does (it is never retried).
   */
  async *stream<T = unknown>(
    command: string,
    args?: unknown,
    options: PoolCallOptions = {},
  ): AsyncGenerator<T> {
    const deadline = CallDeadline.start(command, options, this.#parts.clock);
    const call = await this.#begin(options, deadline);
    let outcome: ExecuteOutcome = 'ok';
    let failure: unknown;
    let sent: PoolCallOptions | undefined;
    try {
      if (!call.slot.client) throw workerGone(call.slot.id, command);
      sent = deadline ? deadline.forWorker(options) : options;
      yield* call.slot.client.stream(command, args, sent) as AsyncGenerator<T>;
    } catch (error) {
      failure = deadline?.explain(error, sent?.timeoutMs) ?? error;
      outcome = this.#onCallError(call.slot, failure);
      throw failure;
    } finally {
      this.#end(call, command, outcome, failure);
    }
  }

  /** Counts and per-worker facts, at this moment. */
  stats(): PoolStats {
    const byState = Object.fromEntries(POOL_WORKER_STATES.map((state) => [state, 0])) as Record<
      PoolWorkerState,
      number
    >;
    for (const slot of this.#parts.slots.all) byState[slot.state]++;
    return {
      id: this.id,
      runId: this.runId,
      size: this.#parts.options.size,
      state: this.#state,
      byState,
      queued: this.#router.queued,
      workers: this.#parts.slots.all.map((slot) => slot.view()),
    };
  }

  /**
   * Stops the pool: refuses new calls, fails queued ones, lets calls in
   * flight finish up to `shutdownTimeoutMs`, then stops every worker with the
   * kill ladder. A second call waits on the first.
   */
  stop(): Promise<void> {
    this.#stopping ??= this.#stop();
    return this.#stopping;
  }

  /**
   * @internal Stops without waiting for calls in flight: each worker is
   * killed (SIGKILL to its group) instead of asked to shut down. What
   * `poolChild` does when its parent's shutdown budget runs out.
   */
  kill(): Promise<void> {
    this.#isKilled = true;
    for (const slot of this.#parts.slots.all) slot.actor?.tell('skipGracefulStop');
    return this.stop();
  }

  /**
   * @internal Settles once the pool has stopped and released its threads,
   * fork server and run: with the `POOL_STOPPED` error when its workers
   * failed beyond the restart intensity (`poolChild` makes that an abnormal
   * exit), with nothing after `stop()`.
   */
  whenEnded(): Promise<SnakepitError | undefined> {
    return this.#ended;
  }

  async #execute(
    command: string,
    args: unknown,
    options: PoolCallOptions,
    deadline: CallDeadline | undefined,
  ): Promise<unknown> {
    const call = await this.#begin(options, deadline);
    let outcome: ExecuteOutcome = 'ok';
    let failure: unknown;
    try {
      if (!call.slot.client) throw workerGone(call.slot.id, command);
      const sent = deadline ? deadline.forWorker(options) : options;
      // Read per call: a tracer attached to the bus after the pool started counts.
      const tracer = this.#parts.tracer ?? this.#parts.bus.executeTracer;
      const trace = tracer?.start({
        poolId: this.id,
        workerId: call.slot.id,
        command,
        transport: call.slot.client.transport,
      });
      try {
        const traced = trace?.traceparent
          ? {
              ...sent,
              traceparent: trace.traceparent,
              ...(trace.forwardPythonSpans ? { forwardPythonSpans: true } : {}),
            }
          : sent;
        const { value, ...facts } = await call.slot.client.call(command, args, traced);
        trace?.end('ok', facts);
        return value;
      } catch (error) {
        const failure = deadline?.explain(error, sent.timeoutMs) ?? error;
        trace?.end(outcomeOf(failure), { error: failure, ...handlerTimeOf(failure) });
        throw failure;
      }
    } catch (error) {
      failure = error;
      outcome = this.#onCallError(call.slot, error);
      throw error;
    } finally {
      this.#end(call, command, outcome, failure);
    }
  }

  async #begin(
    options: PoolCallOptions,
    deadline: CallDeadline | undefined,
  ): Promise<CallInProgress> {
    const queuedAtMs = this.#parts.clock.now();
    if (this.#state !== 'running') throw this.#stoppedError();
    const slot = await this.#router.acquire({
      signal: options.signal,
      deadline: deadline && { atMs: deadline.atMs, error: () => deadline.queuedTimeout() },
    });
    return { slot, queuedAtMs, startedAtMs: this.#parts.clock.now() };
  }

  #onCallError(slot: WorkerSlot, error: unknown): ExecuteOutcome {
    const outcome = outcomeOf(error);
    if (outcome !== 'crashed') return outcome;
    // The transport failed before the actor noticed the death.
    slot.transportFailed();
    return outcome;
  }

  #end(call: CallInProgress, command: string, outcome: ExecuteOutcome, failure: unknown): void {
    const { slot, queuedAtMs, startedAtMs } = call;
    // The caller gave up, Python did not: such a call keeps its capacity until
    // a Pong shows it finished (`timeoutMs` frees the caller, not the worker).
    if (slot.callEnded(outcome)) this.#router.release(slot);
    this.#maybeRecycle(slot);
    const errorCode = isSnakepitError(failure) ? failure.code : undefined;
    this.#parts.bus.emit('snakepit.pool.execute.completed', {
      poolId: this.id,
      workerId: slot.id,
      command,
      outcome,
      durationMs: this.#parts.clock.now() - startedAtMs,
      queueWaitMs: startedAtMs - queuedAtMs,
      ...(errorCode === undefined ? {} : { errorCode }),
    });
  }

  #scheduleRecycleCheck(): void {
    this.#parts.clock.setTimeout(() => {
      if (this.#state !== 'running') return;
      for (const slot of this.#parts.slots.all) this.#maybeRecycle(slot);
      this.#scheduleRecycleCheck();
    }, 1_000);
  }

  /** Replaces the slot's process when it has done enough (see `recycle` options). */
  #maybeRecycle(slot: WorkerSlot): void {
    const now = this.#parts.clock.now();
    if (this.#state !== 'running' || !slot.actor) return;
    const reason = recycleDecision(slot, this.#parts.options, now);
    if (!reason) return;
    slot.recycleRequested(now);
    this.#parts.bus.emit('snakepit.pool.worker.recycled', {
      poolId: this.id,
      workerId: slot.id,
      pid: slot.pid,
      reason,
    });
    slot.actor.tell('recycle', reason);
  }

  async #stop(): Promise<void> {
    if (this.#state === 'running') this.#state = 'stopping';
    this.#parts.slots.close();
    this.#router.rejectAll(this.#stoppedError());
    const isDrained = !this.#isKilled && (await this.#drain(this.#parts.options.shutdownTimeoutMs));
    // shutdownTimeoutMs covers the drain and the Shutdown frame together: calls
    // still running now would only make the Shutdown rung wait for them again.
    if (!isDrained) for (const slot of this.#parts.slots.all) slot.actor?.tell('skipGracefulStop');
    await this.#parts.supervisor.stop();
    try {
      await this.#closeHosts();
    } finally {
      // A child's `exited` must settle even if closing a host failed.
      this.#resolveEnded(this.#failure);
    }
    if (this.#state === 'stopping') this.#state = 'stopped';
  }

  /** Waits up to `budgetMs` for calls in flight to end; false if some are still running. */
  async #drain(budgetMs: number): Promise<boolean> {
    const { clock, slots } = this.#parts;
    const deadline = clock.now() + budgetMs;
    const isBusy = () => slots.all.some((s) => s.inFlight > 0);
    while (isBusy() && clock.now() < deadline && !this.#isKilled) {
      await new Promise<void>((resolve) => clock.setTimeout(resolve, 10));
    }
    return !isBusy();
  }

  #onSupervisorExit(reason: unknown): void {
    if (this.#state !== 'running') return;
    const why = reason instanceof Error ? reason.message : String(reason);
    this.#state = 'failed';
    this.#parts.slots.close();
    this.#failure = new SnakepitError(
      'POOL_STOPPED',
      `Pool ${this.id} stopped: its workers failed more often than its restart intensity allows (${why}). Check the workers' logs and events.`,
      { cause: reason },
    );
    this.#parts.bus.emit('snakepit.pool.failed', { poolId: this.id, reason: why });
    this.#router.rejectAll(this.#failure);
    const failure = this.#failure;
    void this.#closeHosts().finally(() => this.#resolveEnded(failure));
  }

  /** Closes the hosts once, whether the pool failed, was stopped, or both. */
  #closeHosts(): Promise<void> {
    this.#closing ??= this.#parts.closeHosts();
    return this.#closing;
  }

  #stoppedError(): SnakepitError {
    return this.#failure ?? new SnakepitError('POOL_STOPPED', `Pool ${this.id} is stopped`);
  }
}

/** What a failed call tells its tracer: Python's handler time and forwarded spans. */
function handlerTimeOf(error: unknown): {
  handlerTimeUs?: number;
  isHandlerSpanRecorded?: true;
  pythonSpans?: readonly PythonSpanRecord[];
} {
  if (!isSnakepitError(error)) return {};
  const { handlerTimeUs: time, isHandlerSpanRecorded: recorded } = error.details;
  const pythonSpans = pythonSpansOf(error);
  return {
    ...(typeof time === 'number' ? { handlerTimeUs: time } : {}),
    ...(recorded === true ? { isHandlerSpanRecorded: true } : {}),
    ...(pythonSpans ? { pythonSpans } : {}),
  };
}

function workerGone(workerId: string, command: string): SnakepitError {
  return new SnakepitError(
    'WORKER_CRASHED',
    `Worker ${workerId} ended before \`${command}\` could run`,
    {
      details: { workerId, command },
    },
  );
}

function outcomeOf(error: unknown): ExecuteOutcome {
  if (isSnakepitError(error, 'EXECUTE_TIMEOUT')) return 'timeout';
  if (isSnakepitError(error, 'ABORTED')) return 'aborted';
  if (isSnakepitError(error, 'WORKER_CRASHED')) return 'crashed';
  return 'error';
}
