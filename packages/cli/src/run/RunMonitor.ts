import { POOL_WORKER_STATES } from '@snakepit/core';
import type { EventBus, PoolWorkerState } from '@snakepit/core';
import type { PoolStats } from '@snakepit/python-bridge';
import { describeEvent } from './describeEvent.js';
import type { LifecycleKind, LogLevel } from './describeEvent.js';

/** A run's lifecycle, as the status endpoints report it. */
export type RunState = 'starting' | 'running' | 'stopping' | 'stopped' | 'failed';

/** One worker in `/status` (JSON: absent facts are `null`). */
export interface WorkerStatus {
  readonly id: string;
  readonly pid: number | null;
  readonly state: PoolWorkerState;
  readonly restarts: number;
  /** Time since the last Pong, ms. */
  readonly lastHeartbeatMs: number | null;
  /** Time since the current process became ready, ms. */
  readonly uptimeMs: number | null;
  readonly inFlight: number;
  /** Round trip of the latest Ping/Pong, ms. */
  readonly heartbeatLatencyMs: number | null;
  /** The latest round trips, oldest first, ms. */
  readonly heartbeatLatencyHistoryMs: readonly number[];
}

/** The body of `GET /status`. */
export interface RunStatus {
  /** The Node.js process that owns the workers. */
  readonly pid: number;
  readonly runId: string;
  readonly poolId: string;
  readonly size: number;
  readonly state: RunState;
  readonly isReady: boolean;
  readonly minReady: number;
  /** Workers ready or busy. */
  readonly readyWorkers: number;
  readonly byState: Readonly<Record<PoolWorkerState, number>>;
  readonly queued: number;
  readonly restarts: number;
  readonly uptimeMs: number;
  readonly heartbeat: {
    readonly intervalMs: number;
    readonly timeoutMs: number;
    readonly maxMissed: number;
  };
  readonly workers: readonly WorkerStatus[];
}

/** One line of the live page's timeline. */
export interface TimelineEntry {
  readonly seq: number;
  /** Wall-clock Unix ms. */
  readonly timeMs: number;
  readonly level: LogLevel;
  readonly kind: LifecycleKind;
  readonly event: string;
  readonly message: string;
  readonly workerId?: string;
}

/** What {@link RunMonitor} needs of a pool. */
export interface PoolView {
  /** The pool's current stats. */
  stats(): PoolStats;
}

/** Options of {@link RunMonitor}. */
export interface RunMonitorOptions {
  readonly runId: string;
  /** @default 'pool' */
  readonly poolId?: string;
  readonly size: number;
  readonly minReady: number;
  readonly heartbeat: RunStatus['heartbeat'];
  /** Timeline entries kept. @default 200 */
  readonly maxTimeline?: number;
  /** Heartbeat round trips kept per worker. @default 30 */
  readonly maxLatencySamples?: number;
}

interface Tracked {
  state: PoolWorkerState;
  pid: number | undefined;
  restarts: number;
  readyAtMs: number | undefined;
  lastPongAtMs: number | undefined;
  latencies: number[];
}

/**
 * Watches a run through its events (and its pool, once `createPool` has
 * resolved): the source of `/status`, `/readyz` and the live page. Before
 * the pool exists, workers are known from their events alone.
 */
export class RunMonitor {
  readonly #options: RunMonitorOptions;
  readonly #workers = new Map<string, Tracked>();
  readonly #timeline: TimelineEntry[] = [];
  readonly #entryListeners = new Set<(entry: TimelineEntry) => void>();
  readonly #changeListeners = new Set<() => void>();
  readonly #startedAtMs = Date.now();
  readonly #unsubscribe: () => void;
  #pool: PoolView | undefined;
  #state: RunState = 'starting';
  #seq = 0;

  /**
   * Starts watching `bus`; the run's state starts as `starting`. Built by
   * {@link Run}; not meant to be called directly.
   */
  constructor(bus: EventBus, options: RunMonitorOptions) {
    this.#options = options;
    this.#unsubscribe = bus.onAny((name, payload) => {
      this.#track(name, payload);
      const described = describeEvent(name, payload, { maxMissed: options.heartbeat.maxMissed });
      if (described && described.level !== 'debug' && described.kind !== 'log') {
        this.record(described.level, described.kind, name, described.message, described.workerId);
      }
    });
  }

  /** The run's lifecycle state; `starting` until {@link RunMonitor.setState} says otherwise. */
  get state(): RunState {
    return this.#state;
  }

  /** Takes worker facts from the pool from now on. */
  attach(pool: PoolView): void {
    this.#pool = pool;
    this.#changed();
  }

  /** Moves the run to `state`, telling change listeners if it differs. */
  setState(state: RunState): void {
    if (this.#state === state) return;
    this.#state = state;
    this.#changed();
  }

  /** Adds a timeline entry (lifecycle events add theirs by themselves). */
  record(
    level: LogLevel,
    kind: LifecycleKind,
    event: string,
    message: string,
    workerId?: string,
  ): void {
    const entry: TimelineEntry = {
      seq: ++this.#seq,
      timeMs: Date.now(),
      level,
      kind,
      event,
      message,
      ...(workerId === undefined ? {} : { workerId }),
    };
    this.#timeline.push(entry);
    if (this.#timeline.length > (this.#options.maxTimeline ?? 200)) this.#timeline.shift();
    for (const listener of this.#entryListeners) listener(entry);
    this.#changed();
  }

  /** The latest timeline entries, oldest first. */
  timeline(): readonly TimelineEntry[] {
    return [...this.#timeline];
  }

  /** Calls `listener` with each new timeline entry; returns the unsubscribe function. */
  onEntry(listener: (entry: TimelineEntry) => void): () => void {
    this.#entryListeners.add(listener);
    return () => this.#entryListeners.delete(listener);
  }

  /** Calls `listener` whenever a worker or the run changes state. */
  onChange(listener: () => void): () => void {
    this.#changeListeners.add(listener);
    return () => this.#changeListeners.delete(listener);
  }

  /** The body of `GET /status`, now: worker facts from the pool once attached, else from events. */
  status(): RunStatus {
    const now = Date.now();
    const stats = this.#pool?.stats();
    const workers = stats ? stats.workers.map((w) => this.#fromPool(w)) : this.#fromEvents(now);
    const byState = Object.fromEntries(POOL_WORKER_STATES.map((s) => [s, 0])) as Record<
      PoolWorkerState,
      number
    >;
    for (const worker of workers) byState[worker.state]++;
    const readyWorkers = byState.ready + byState.busy;
    const isUp = this.#state === 'starting' || this.#state === 'running';
    return {
      pid: process.pid,
      runId: this.#options.runId,
      poolId: stats?.id ?? this.#options.poolId ?? 'pool',
      size: this.#options.size,
      state: this.#state,
      isReady: isUp && readyWorkers >= this.#options.minReady,
      minReady: this.#options.minReady,
      readyWorkers,
      byState,
      queued: stats?.queued ?? 0,
      restarts: workers.reduce((sum, w) => sum + w.restarts, 0),
      uptimeMs: now - this.#startedAtMs,
      heartbeat: this.#options.heartbeat,
      workers,
    };
  }

  /** Stops listening to the bus. */
  dispose(): void {
    this.#unsubscribe();
    this.#entryListeners.clear();
    this.#changeListeners.clear();
  }

  #fromPool(w: PoolStats['workers'][number]): WorkerStatus {
    const latencies = this.#workers.get(w.id)?.latencies ?? [];
    return {
      id: w.id,
      pid: w.pid ?? null,
      state: w.state,
      restarts: w.restarts,
      lastHeartbeatMs: roundOrNull(w.lastHeartbeatMs),
      uptimeMs: roundOrNull(w.uptimeMs),
      inFlight: w.inFlight,
      heartbeatLatencyMs: latencies.at(-1) ?? null,
      heartbeatLatencyHistoryMs: [...latencies],
    };
  }

  #fromEvents(now: number): WorkerStatus[] {
    return [...this.#workers].map(([id, t]) => ({
      id,
      pid: t.pid ?? null,
      state: t.state,
      restarts: t.restarts,
      lastHeartbeatMs: t.lastPongAtMs === undefined ? null : now - t.lastPongAtMs,
      uptimeMs: t.readyAtMs === undefined ? null : now - t.readyAtMs,
      inFlight: 0,
      heartbeatLatencyMs: t.latencies.at(-1) ?? null,
      heartbeatLatencyHistoryMs: [...t.latencies],
    }));
  }

  #worker(id: string): Tracked {
    let tracked = this.#workers.get(id);
    if (!tracked) {
      tracked = {
        ...{ state: 'stopped' as PoolWorkerState, pid: undefined, restarts: 0 },
        ...{ readyAtMs: undefined, lastPongAtMs: undefined, latencies: [] },
      };
      this.#workers.set(id, tracked);
    }
    return tracked;
  }

  #track(name: string, payload: unknown): void {
    const e = payload as Record<string, unknown>;
    switch (name) {
      case 'snakepit.pool.worker.state': {
        this.#worker(String(e.workerId)).state = e.to as PoolWorkerState;
        this.#changed();
        break;
      }
      case 'snakepit.worker.process.started': {
        const w = this.#worker(String(e.workerId));
        w.pid = e.pid as number | undefined;
        w.readyAtMs = w.lastPongAtMs = Date.now();
        break;
      }
      case 'snakepit.supervisor.child.restarted':
        this.#worker(String(e.childId)).restarts = Number(e.restartCount);
        break;
      case 'snakepit.worker.heartbeat.received': {
        const w = this.#worker(String(e.workerId));
        w.lastPongAtMs = Date.now();
        w.latencies.push(Math.round(Number(e.latencyMs) * 1000) / 1000);
        if (w.latencies.length > (this.#options.maxLatencySamples ?? 30)) w.latencies.shift();
        break;
      }
    }
  }

  #changed(): void {
    for (const listener of this.#changeListeners) listener();
  }
}

function roundOrNull(value: number | undefined): number | null {
  return value === undefined ? null : Math.round(value);
}
