import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { Tracer } from '@opentelemetry/api';
import type { ExecuteOutcome } from '../events/TelemetryEvents.js';
import { startExecuteSpan } from './startExecuteSpan.js';

/** The span name of the Python handler, a child of the execute span. */
export const PYTHON_HANDLER_SPAN_NAME = 'snakepit.python.handler';

/** A traced call, as a pool sees it (the pool's `ExecuteTrace`). */
export interface ExecuteTracing {
  /** Starts the `snakepit.execute` span of one call; the pool calls it as the call is sent. */
  start(call: { readonly poolId: string; readonly workerId: string; readonly command: string }): {
    readonly traceparent: string | undefined;
    /**
     * Ends the call's span with its outcome; with `handlerTimeUs`, first
     * records the `snakepit.python.handler` child span.
     */
    end(outcome: ExecuteOutcome, facts: { handlerTimeUs?: number; error?: unknown }): void;
  };
}

/**
 * Traces pool calls with OpenTelemetry: pass it as `createPool({ tracer })`.
 * Each call gets a client span (`snakepit.execute`) whose W3C context
 * travels to Python in gRPC metadata, and a child span
 * (`snakepit.python.handler`) for the time Python spent in the handler, as
 * Python reported it, carrying the Python exception when it raised. Python
 * needs no OpenTelemetry package for this.
 */
export function createExecuteTracing(tracer: Tracer): ExecuteTracing {
  return {
    start(call) {
      const execute = startExecuteSpan(tracer, call);
      return {
        traceparent: execute.traceparent,
        end(outcome, { handlerTimeUs, error }) {
          const endMs = Date.now();
          if (handlerTimeUs !== undefined) {
            const handler = tracer.startSpan(
              PYTHON_HANDLER_SPAN_NAME,
              {
                kind: SpanKind.SERVER,
                startTime: endMs - handlerTimeUs / 1000,
                attributes: {
                  'snakepit.command': call.command,
                  'snakepit.worker.id': call.workerId,
                },
              },
              execute.context,
            );
            if (outcome === 'error' && error instanceof Error) {
              const pythonType = (error as { pythonType?: unknown }).pythonType;
              if (typeof pythonType === 'string') {
                handler.setAttribute('snakepit.python.exception.type', pythonType);
              }
              handler.recordException(error);
              handler.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
            }
            handler.end(endMs);
          }
          execute.end(
            outcome,
            error === undefined ? { endTime: endMs } : { error, endTime: endMs },
          );
        },
      };
    },
  };
}
