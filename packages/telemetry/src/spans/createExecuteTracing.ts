import { SpanKind, SpanStatusCode, TraceFlags } from '@opentelemetry/api';
import type { Tracer } from '@opentelemetry/api';
import type { ExecuteTracer } from '@snakepit/core';
import { exportPythonSpans } from './forwardedPythonSpans.js';
import type { PythonSpanExport } from './forwardedPythonSpans.js';
import { startExecuteSpan } from './startExecuteSpan.js';

/** Options of {@link createExecuteTracing}. */
export interface ExecuteTracingOptions {
  /**
   * Ask Python to forward the spans it records during sampled calls
   * (`snakepit.python.handler` and a user's spans in it), and export them
   * here. Python forwards when it has `opentelemetry-api` and no tracer
   * provider of its own; otherwise the call is traced as without this.
   * @default undefined: nothing is forwarded
   */
  readonly pythonSpans?: PythonSpanExport;
}

/** The span name of the Python handler, a child of the execute span. */
export const PYTHON_HANDLER_SPAN_NAME = 'snakepit.python.handler';

/**
 * Traces pool calls with OpenTelemetry: pass it as `createPool({ tracer })`
 * (core's `ExecuteTracer`). Each call gets a client span (`snakepit.execute`)
 * whose W3C context travels to Python in gRPC metadata, and a child span
 * (`snakepit.python.handler`) for the time Python spent in the handler, as
 * Python reported it, carrying the Python exception when it raised. Python
 * needs no OpenTelemetry package for this. When the worker has an OpenTelemetry
 * SDK set up, Python records the handler span itself (so that the user's spans
 * are its children), exports it with its own SDK, and says so in the
 * response: no second handler span is recorded here. With `pythonSpans`, a
 * worker whose Python has only the OpenTelemetry API records those spans and
 * sends them back with the answer, and they are exported here.
 */
export function createExecuteTracing(
  tracer: Tracer,
  options: ExecuteTracingOptions = {},
): ExecuteTracer {
  const { pythonSpans: target } = options;
  return {
    start(call) {
      const execute = startExecuteSpan(tracer, call);
      const isForwarded =
        target !== undefined &&
        execute.span.isRecording() &&
        (execute.span.spanContext().traceFlags & TraceFlags.SAMPLED) !== 0;
      return {
        traceparent: execute.traceparent,
        ...(isForwarded ? { forwardPythonSpans: true } : {}),
        end(outcome, { handlerTimeUs, isHandlerSpanRecorded, pythonSpans, error }) {
          const endMs = Date.now();
          if (isForwarded && pythonSpans) exportPythonSpans(target, pythonSpans);
          if (handlerTimeUs !== undefined && isHandlerSpanRecorded !== true) {
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
