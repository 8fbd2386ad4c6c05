import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  TraceFlags,
} from '@opentelemetry/api';
import type { TextMapPropagator } from '@opentelemetry/api';
import { SnakepitError } from '@snakepit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { EXECUTE_SPAN_NAME, formatTraceparent, startExecuteSpan } from '../../src/index.js';
import { createTestSdk } from '../helpers/testSdk.js';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/;
const sdk = createTestSdk();
afterEach(() => propagation.disable());

describe('startExecuteSpan', () => {
  it('starts a client span with RPC attributes and serialises its context as traceparent', () => {
    const call = startExecuteSpan(sdk.tracer, { command: 'echo', workerId: 'w0', poolId: 'p1' });
    const { traceId, spanId } = call.span.spanContext();
    expect(call.traceparent).toBe(`00-${traceId}-${spanId}-01`);
    expect(call.metadata).toEqual({ traceparent: call.traceparent });
    expect(trace.getSpan(call.context)).toBe(call.span);
    call.end('ok');
    const span = sdk.spans().at(-1)!;
    expect(span.name).toBe(EXECUTE_SPAN_NAME);
    expect(span.kind).toBe(SpanKind.CLIENT);
    expect(span.attributes).toEqual({
      'rpc.system': 'grpc',
      'rpc.service': 'snakepit.v1.Worker',
      'rpc.method': 'Execute',
      'snakepit.command': 'echo',
      'snakepit.worker.id': 'w0',
      'snakepit.pool.id': 'p1',
      'snakepit.execute.outcome': 'ok',
    });
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('names the remoting system by transport: snakepit for framed calls, grpc otherwise', () => {
    for (const [transport, system] of [
      ['framed', 'snakepit'],
      ['grpc', 'grpc'],
      [undefined, 'grpc'],
    ] as const) {
      startExecuteSpan(sdk.tracer, { command: 'echo', workerId: 'w0', transport }).end('ok');
      expect(sdk.spans().at(-1)!.attributes['rpc.system']).toBe(system);
    }
  });

  it('is a child of the parent context (explicit or active)', () => {
    const parent = sdk.tracer.startSpan('request');
    const parentContext = trace.setSpan(ROOT_CONTEXT, parent);
    const explicit = startExecuteSpan(
      sdk.tracer,
      { command: 'a', workerId: 'w' },
      { parent: parentContext },
    );
    expect(explicit.span.spanContext().traceId).toBe(parent.spanContext().traceId);
    const viaActive = context.with(parentContext, () =>
      startExecuteSpan(sdk.tracer, { command: 'b', workerId: 'w' }),
    );
    // Without a registered context manager `active()` is the root: a new trace.
    expect(TRACEPARENT.test(viaActive.traceparent!)).toBe(true);
    explicit.end('ok');
    viaActive.end('ok');
    parent.end();
    const span = sdk.spans().find((s) => s.attributes['snakepit.command'] === 'a')!;
    expect(span.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
  });

  it('records a failure: error status, error.type from the error code, the exception', () => {
    const call = startExecuteSpan(sdk.tracer, { command: 'slow', workerId: 'w0' });
    const error = new SnakepitError(
      'EXECUTE_TIMEOUT',
      'Call to `slow` did not finish within 50 ms',
    );
    call.end('timeout', { error });
    call.end('ok');
    const span = sdk.spans().at(-1)!;
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: error.message });
    expect(span.attributes).toMatchObject({
      'snakepit.execute.outcome': 'timeout',
      'error.type': 'EXECUTE_TIMEOUT',
    });
    expect(span.events.map((e) => e.name)).toEqual(['exception']);
    expect(
      sdk.spans().filter((s) => s.spanContext().spanId === span.spanContext().spanId),
    ).toHaveLength(1);
  });

  it('uses the outcome as error.type when there is no error object', () => {
    const call = startExecuteSpan(sdk.tracer, { command: 'x', workerId: 'w0' });
    call.end('aborted');
    expect(sdk.spans().at(-1)!.attributes['error.type']).toBe('aborted');
  });

  it('keeps what the global propagator injects and still adds traceparent', () => {
    const propagator: TextMapPropagator = {
      inject: (_context, carrier, setter) => setter.set(carrier, 'baggage', 'tenant=a'),
      extract: (ctx) => ctx,
      fields: () => ['baggage'],
    };
    propagation.setGlobalPropagator(propagator);
    const call = startExecuteSpan(sdk.tracer, { command: 'x', workerId: 'w0' });
    expect(call.metadata).toEqual({ baggage: 'tenant=a', traceparent: call.traceparent });
    call.end('ok');
  });

  it('sends no context with a no-op tracer (no SDK)', () => {
    const call = startExecuteSpan(trace.getTracer('none'), { command: 'x', workerId: 'w0' });
    expect(call.traceparent).toBeUndefined();
    expect(call.metadata).toEqual({});
    call.end('ok');
  });
});

describe('formatTraceparent', () => {
  it('formats version, trace id, span id and flags', () => {
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    const spanId = 'b7ad6b7169203331';
    expect(formatTraceparent({ traceId, spanId, traceFlags: TraceFlags.SAMPLED })).toBe(
      `00-${traceId}-${spanId}-01`,
    );
    expect(formatTraceparent({ traceId, spanId, traceFlags: TraceFlags.NONE })).toBe(
      `00-${traceId}-${spanId}-00`,
    );
    expect(formatTraceparent({ traceId: '0'.repeat(32), spanId, traceFlags: 1 })).toBeUndefined();
  });
});
