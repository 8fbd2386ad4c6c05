import type { ExecuteOutcome } from './poolEvents.js';

/** One traced call (see {@link ExecuteTracer}). */
export interface ExecuteTrace {
  /** W3C trace context sent to Python with the call (gRPC metadata `traceparent`). */
  readonly traceparent: string | undefined;
  /**
   * Ends the trace. `handlerTimeUs` is the time Python spent in the handler
   * (absent when the call never reached it); `isHandlerSpanRecorded` is true
   * when Python recorded the handler's span itself (an OpenTelemetry SDK is set
   * up in the worker), so the tracer must not record another; `error` is what
   * the call threw.
   */
  end(
    outcome: ExecuteOutcome,
    facts: { handlerTimeUs?: number; isHandlerSpanRecorded?: boolean; error?: unknown },
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
  }): ExecuteTrace;
}
