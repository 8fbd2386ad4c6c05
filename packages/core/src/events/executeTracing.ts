import type { ExecuteOutcome } from './poolEvents.js';

/**
 * A span Python recorded during a call and sent back with its answer, for the
 * owner to export (asked by {@link ExecuteTrace.forwardPythonSpans}). Times
 * are epoch microseconds; ids are lowercase hex; `kind` and `status.code` are
 * OpenTelemetry's `SpanKind` and `SpanStatusCode` values.
 */
export interface PythonSpanRecord {
  readonly name: string;
  readonly traceId: string;
  readonly spanId: string;
  /** Absent for a root span (Python records none: its spans have a parent). */
  readonly parentSpanId?: string;
  readonly kind: number;
  readonly startTimeUs: number;
  readonly endTimeUs: number;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly status: { readonly code: number; readonly message?: string };
  readonly events: readonly {
    readonly name: string;
    readonly timeUs: number;
    readonly attributes: Readonly<Record<string, unknown>>;
  }[];
  /** The Python tracer's instrumentation scope. */
  readonly scope: { readonly name: string; readonly version?: string };
  readonly droppedAttributesCount: number;
  readonly droppedEventsCount: number;
}

/** One traced call (see {@link ExecuteTracer}). */
export interface ExecuteTrace {
  /** W3C trace context sent to Python with the call (gRPC metadata `traceparent`). */
  readonly traceparent: string | undefined;
  /**
   * Ask Python to record the call's spans (`snakepit.python.handler` and the
   * user's spans in it) and send them back, for {@link end}'s `pythonSpans`.
   * Python does so only when it has the OpenTelemetry API and no tracer
   * provider of its own; otherwise the call is traced as without it.
   */
  readonly forwardPythonSpans?: boolean;
  /**
   * Ends the trace. `handlerTimeUs` is the time Python spent in the handler
   * (absent when the call never reached it); `isHandlerSpanRecorded` is true
   * when Python recorded the handler's span itself (an OpenTelemetry SDK is set
   * up in the worker, or it forwards its spans), so the tracer must not
   * record another; `pythonSpans` are the spans Python forwarded (see
   * {@link forwardPythonSpans}); `error` is what the call threw.
   */
  end(
    outcome: ExecuteOutcome,
    facts: {
      handlerTimeUs?: number;
      isHandlerSpanRecorded?: boolean;
      pythonSpans?: readonly PythonSpanRecord[];
      error?: unknown;
    },
  ): void;
}

/**
 * Traces pool calls. The pool knows no tracing library: pass one built on
 * OpenTelemetry (`createExecuteTracing` from `@snakepit/telemetry`) or your own,
 * as `createPool({ tracer })` or attached to the pool's bus
 * (`bus.attachExecuteTracer`, which `createTelemetry` does).
 */
export interface ExecuteTracer {
  /**
   * Called as each call is sent to its worker; the trace it returns is ended
   * when the call settles.
   */
  start(call: {
    readonly poolId: string;
    readonly workerId: string;
    readonly command: string;
    /** The data plane that carries the call (absent from pools that predate it). */
    readonly transport?: 'framed' | 'grpc';
  }): ExecuteTrace;
}
