import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { Attributes, Span, SpanContext, Tracer } from '@opentelemetry/api';
import type { ExitRecord, SnakepitEventMap, WorkerEventBase } from '@snakepit/core';
import { SNAKEPIT_ATTRIBUTES as A } from '../metrics/snakepitAttributes.js';
import type { TelemetrySpanOptions } from '../options/TelemetryOptions.js';

type Payload<N extends keyof SnakepitEventMap> = SnakepitEventMap[N];

/** The names of the worker spans `createTelemetry` builds from events (see `WorkerSpans`). */
export const WORKER_SPAN_NAMES = {
  start: 'snakepit.worker.start',
  terminate: 'snakepit.worker.terminate',
  heartbeat: 'snakepit.worker.heartbeat',
} as const;

const MAX_TRACKED_WORKERS = 10_000;

/**
 * Builds worker spans from events, after the fact: each event carries the
 * times it needs (`startMs` before `timestampMs`, `cleanupMs` before exit),
 * so a span covers what happened, not when the listener ran. Spans are roots
 * (an event may be emitted while an unrelated span is active); a terminate
 * span links to the same slot's start span.
 */
export class WorkerSpans {
  readonly #tracer: Tracer;
  readonly #options: Required<TelemetrySpanOptions>;
  readonly #endsAtCleanup: boolean;
  readonly #startContexts = new Map<string, SpanContext>();
  readonly #pendingTerminations = new Map<string, Span>();

  /**
   * @param endsAtCleanup Whether `snakepit.worker.cleanup.completed` is mapped:
   *   then a terminate span stays open until the cleanup event ends it.
   */
  constructor(tracer: Tracer, options: Required<TelemetrySpanOptions>, endsAtCleanup: boolean) {
    this.#tracer = tracer;
    this.#options = options;
    this.#endsAtCleanup = endsAtCleanup;
  }

  started(p: Payload<'snakepit.worker.process.started'>): void {
    if (!this.#options.workerStart) return;
    const span = this.#tracer.startSpan(WORKER_SPAN_NAMES.start, {
      kind: SpanKind.INTERNAL,
      root: true,
      startTime: p.timestampMs - p.startMs,
      attributes: { ...workerAttributes(p), [A.startMs]: p.startMs },
    });
    span.end(p.timestampMs);
    const key = slotKey(p);
    this.#startContexts.delete(key);
    if (this.#startContexts.size >= MAX_TRACKED_WORKERS) this.#forgetOldestStart();
    this.#startContexts.set(key, span.spanContext());
  }

  terminated(p: Payload<'snakepit.worker.process.terminated'>): void {
    if (!this.#options.workerStop) return;
    const { exit } = p;
    const key = slotKey(p);
    const startContext = this.#startContexts.get(key);
    this.#startContexts.delete(key);
    const span = this.#tracer.startSpan(WORKER_SPAN_NAMES.terminate, {
      kind: SpanKind.INTERNAL,
      root: true,
      startTime: p.timestampMs - exit.cleanupMs,
      links: startContext ? [{ context: startContext }] : [],
      attributes: terminateAttributes(p),
    });
    for (const step of exit.steps) span.addEvent(`snakepit.kill.${step.step}`, step.atMs);
    span.addEvent('snakepit.process.exited', p.timestampMs);
    if (isErrorExit(exit)) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: exit.reason });
    }
    if (!this.#endsAtCleanup) {
      span.end(p.timestampMs);
      return;
    }
    this.#pendingTerminations.get(key)?.end();
    this.#pendingTerminations.set(key, span);
  }

  cleanedUp(p: Payload<'snakepit.worker.cleanup.completed'>): void {
    if (!this.#options.workerStop) return;
    const key = slotKey(p);
    const cleanup = { [A.cleanupMs]: p.durationMs, [A.exitMethod]: p.method };
    const pending = this.#pendingTerminations.get(key);
    if (pending) {
      this.#pendingTerminations.delete(key);
      pending.setAttributes(cleanup);
      pending.end(p.timestampMs);
      return;
    }
    // No terminate event before it (switched off, or attached late): the
    // cleanup alone still makes a span.
    this.#tracer
      .startSpan(WORKER_SPAN_NAMES.terminate, {
        kind: SpanKind.INTERNAL,
        root: true,
        startTime: p.timestampMs - p.durationMs,
        attributes: { ...workerAttributes(p), ...cleanup },
      })
      .end(p.timestampMs);
  }

  heartbeatReceived(p: Payload<'snakepit.worker.heartbeat.received'>): void {
    if (!this.#options.heartbeat) return;
    this.#tracer
      .startSpan(WORKER_SPAN_NAMES.heartbeat, {
        kind: SpanKind.CLIENT,
        root: true,
        startTime: p.timestampMs - p.latencyMs,
        attributes: { ...workerAttributes(p), [A.heartbeatSeq]: p.seq },
      })
      .end(p.timestampMs);
  }

  heartbeatTimedOut(p: Payload<'snakepit.worker.heartbeat.timeout'>): void {
    if (!this.#options.heartbeat) return;
    const span = this.#tracer.startSpan(WORKER_SPAN_NAMES.heartbeat, {
      kind: SpanKind.CLIENT,
      root: true,
      startTime: p.timestampMs,
      attributes: {
        ...workerAttributes(p),
        [A.heartbeatSeq]: p.seq,
        [A.heartbeatMissed]: p.missed,
      },
    });
    span.setStatus({
      code: SpanStatusCode.ERROR,
      message: `no Pong (${p.missed} missed in a row)`,
    });
    span.end(p.timestampMs);
  }

  /** Ends terminate spans still waiting for their cleanup event (at shutdown). */
  endPending(): void {
    for (const span of this.#pendingTerminations.values()) span.end();
    this.#pendingTerminations.clear();
    this.#startContexts.clear();
  }

  #forgetOldestStart(): void {
    const oldest = this.#startContexts.keys().next();
    if (oldest.done !== true) this.#startContexts.delete(oldest.value);
  }
}

/** A worker end is an error when nobody asked for it, when it failed, or when it took SIGKILL. */
function isErrorExit(exit: ExitRecord): boolean {
  if (exit.method === 'exited' || exit.method === 'killed') return true;
  switch (exit.cause) {
    case 'shutdown':
    case 'recycled':
      return false;
    case 'crashed':
    case 'heartbeat_timeout':
    case 'start_failed':
    case 'killed':
      return true;
  }
}

function slotKey(p: WorkerEventBase): string {
  return p.poolId === undefined ? p.workerId : `${p.poolId}\u0000${p.workerId}`;
}

function workerAttributes(p: WorkerEventBase): Attributes {
  return {
    [A.workerId]: p.workerId,
    [A.runId]: p.runId,
    ...(p.poolId === undefined ? {} : { [A.poolId]: p.poolId }),
    ...(p.pid === undefined ? {} : { [A.processPid]: p.pid }),
  };
}

function terminateAttributes(p: Payload<'snakepit.worker.process.terminated'>): Attributes {
  const { exit } = p;
  return {
    ...workerAttributes(p),
    [A.exitReason]: exit.reason,
    [A.exitCause]: exit.cause,
    [A.exitMethod]: exit.method,
    [A.exitForced]: exit.isForcefullyTerminated,
    [A.uptimeMs]: exit.uptimeMs,
    ...(exit.exitCode === undefined ? {} : { [A.processExitCode]: exit.exitCode }),
    ...(exit.signal === undefined ? {} : { [A.exitSignal]: exit.signal }),
  };
}
