import {
  context as contextApi,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import type { Context, Span, TimeInput, Tracer } from '@opentelemetry/api';
import type { ExecuteOutcome } from '@snakepit/core';
import { SNAKEPIT_ATTRIBUTES as A } from '../metrics/snakepitAttributes.js';
import { formatTraceparent } from './formatTraceparent.js';

/** The call an execute span describes. */
export interface ExecuteSpanTarget {
  /** The Python command (handler) name. */
  readonly command: string;
  /** The worker slot the call was dispatched to. */
  readonly workerId: string;
  readonly poolId?: string;
  /**
   * What carries the call; sets `rpc.system`: `snakepit` for the framed data
   * plane, `grpc` for gRPC. @default 'grpc'
   */
  readonly transport?: 'framed' | 'grpc' | undefined;
}

/** Options of {@link startExecuteSpan}. */
export interface StartExecuteSpanOptions {
  /** The parent context. @default context.active() */
  readonly parent?: Context;
  /** When the call started (epoch ms, `Date` or HrTime). @default now */
  readonly startTime?: TimeInput;
}

/** Options of {@link ExecuteSpan.end}. */
export interface EndExecuteSpanOptions {
  /** What the call failed with; recorded as an exception on the span. */
  readonly error?: unknown;
  /** When the call ended. @default now */
  readonly endTime?: TimeInput;
}

/** An execute span in flight, with the trace context to send to Python. */
export interface ExecuteSpan {
  readonly span: Span;
  /** `parent` with this span set: run the call in it so nested spans are children. */
  readonly context: Context;
  /**
   * Headers for the gRPC metadata of the call: what the global propagator
   * injects, and always `traceparent` (plus `tracestate` when set) for a
   * sampled-or-not valid span, so Python can continue the trace even when
   * the app registered no W3C propagator. Empty with no SDK.
   */
  readonly metadata: Readonly<Record<string, string>>;
  /** The W3C `traceparent` sent, or `undefined` when the span is a no-op. */
  readonly traceparent: string | undefined;
  /** Sets the outcome (and error status unless `ok`) and ends the span. Idempotent. */
  end(outcome: ExecuteOutcome, options?: EndExecuteSpanOptions): void;
}

/** The span name of execute calls. */
export const EXECUTE_SPAN_NAME = 'snakepit.execute';

/**
 * Starts the client span of one `execute` call and serialises its trace
 * context for the gRPC metadata (W3C Trace Context), following the RPC
 * semantic conventions (`rpc.system`: `snakepit` over the framed data plane,
 * `grpc` over gRPC; service `snakepit.v1.Worker`, method `Execute`).
 *
 * ```ts
 * const call = startExecuteSpan(tracer, { command, workerId, poolId });
 * try {
 *   const result = await client.execute(request, { metadata: Metadata(call.metadata) });
 *   call.end('ok');
 * } catch (error) {
 *   call.end('error', { error });
 *   throw error;
 * }
 * ```
 */
export function startExecuteSpan(
  tracer: Tracer,
  target: ExecuteSpanTarget,
  options: StartExecuteSpanOptions = {},
): ExecuteSpan {
  const parent = options.parent ?? contextApi.active();
  const span = tracer.startSpan(
    EXECUTE_SPAN_NAME,
    {
      kind: SpanKind.CLIENT,
      ...(options.startTime === undefined ? {} : { startTime: options.startTime }),
      attributes: {
        'rpc.system': target.transport === 'framed' ? 'snakepit' : 'grpc',
        'rpc.service': 'snakepit.v1.Worker',
        'rpc.method': 'Execute',
        [A.command]: target.command,
        [A.workerId]: target.workerId,
        ...(target.poolId === undefined ? {} : { [A.poolId]: target.poolId }),
      },
    },
    parent,
  );
  const context = trace.setSpan(parent, span);
  const metadata: Record<string, string> = {};
  propagation.inject(context, metadata);
  const spanContext = span.spanContext();
  const traceparent = formatTraceparent(spanContext);
  if (traceparent !== undefined && metadata.traceparent === undefined) {
    metadata.traceparent = traceparent;
    const tracestate = spanContext.traceState?.serialize();
    if (tracestate) metadata.tracestate = tracestate;
  }
  let hasEnded = false;
  return {
    span,
    context,
    metadata,
    traceparent: metadata.traceparent ?? traceparent,
    end(outcome, endOptions = {}) {
      if (hasEnded) return;
      hasEnded = true;
      endExecuteSpan(span, outcome, endOptions);
    },
  };
}

function endExecuteSpan(span: Span, outcome: ExecuteOutcome, options: EndExecuteSpanOptions): void {
  span.setAttribute(A.outcome, outcome);
  if (outcome !== 'ok') {
    const { error } = options;
    span.setAttribute(A.errorType, errorType(error) ?? outcome);
    if (error instanceof Error) span.recordException(error);
    span.setStatus({
      code: SpanStatusCode.ERROR,
      message: error instanceof Error ? error.message : outcome,
    });
  }
  span.end(options.endTime);
}

function errorType(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, name } = error as { code?: unknown; name?: unknown };
  if (typeof code === 'string') return code;
  return typeof name === 'string' ? name : undefined;
}
