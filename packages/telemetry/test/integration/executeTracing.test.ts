import { SpanStatusCode } from '@opentelemetry/api';
import { PythonError } from '@snakepit/core';
import { createPool } from '@snakepit/python-bridge';
import type { Pool } from '@snakepit/python-bridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createExecuteTracing,
  EXECUTE_SPAN_NAME,
  PYTHON_HANDLER_SPAN_NAME,
} from '../../src/index.js';
import { createTestSdk } from '../helpers/testSdk.js';
import { setupTelemetry } from '../../src/setup/index.js';
import { decodeTraceRequest } from '../helpers/decodeOtlp.js';
import { startHttpReceiver } from '../helpers/otlpReceivers.js';

// A traced call crosses into Python: the client span's W3C context arrives in
// the handler (gRPC metadata), and the handler's time and exception come back
// as a child span.
describe('execute tracing through a real pool', () => {
  const sdk = createTestSdk();
  let pool: Pool;

  beforeAll(async () => {
    pool = await createPool({
      size: 1,
      placement: 'inline',
      tracer: createExecuteTracing(sdk.tracer),
    });
  });
  afterAll(async () => {
    await pool.stop();
    await sdk.shutdown();
  });

  it('sends the execute span as traceparent and records the Python handler as its child', async () => {
    const seen = await pool.execute<{ traceparent?: string }>('trace_context');
    const spans = sdk.spans();
    const execute = spans.find((s) => s.name === EXECUTE_SPAN_NAME)!;
    const handler = spans.find((s) => s.name === PYTHON_HANDLER_SPAN_NAME)!;
    expect(execute).toBeDefined();
    expect(handler).toBeDefined();
    const { traceId, spanId } = execute.spanContext();
    expect(seen.traceparent).toMatch(new RegExp(`^00-${traceId}-${spanId}-0[01]$`));
    expect(handler.spanContext().traceId).toBe(traceId);
    expect(handler.parentSpanContext?.spanId).toBe(spanId);
    // The pool's default data plane is framed, not gRPC.
    expect(execute.attributes['rpc.system']).toBe('snakepit');
  });

  it('marks the handler span with the Python exception when the handler raises', async () => {
    await expect(pool.execute('raise_error', { message: 'traced failure' })).rejects.toBeInstanceOf(
      PythonError,
    );
    const handler = sdk
      .spans()
      .filter((s) => s.name === PYTHON_HANDLER_SPAN_NAME)
      .at(-1)!;
    expect(handler.status.code).toBe(SpanStatusCode.ERROR);
    expect(handler.attributes['snakepit.python.exception.type']).toBe('builtins.ValueError');
    expect(handler.events.some((e) => e.name === 'exception')).toBe(true);
  });
});

describe('execute tracing exported over OTLP/HTTP', () => {
  it('delivers the execute span and its Python handler child to an OTLP receiver', async () => {
    const receiver = await startHttpReceiver();
    const sdk = await setupTelemetry({
      serviceName: 'otlp-trace-test',
      registerGlobal: false,
      otlp: { protocol: 'http/protobuf', endpoint: receiver.endpoint, exportIntervalMs: 60_000 },
    });
    const pool = await createPool({
      size: 1,
      placement: 'inline',
      tracer: createExecuteTracing(sdk.tracerProvider.getTracer('app')),
    });
    try {
      await expect(pool.execute('add', [20, 22])).resolves.toBe(42);
    } finally {
      await pool.stop();
      await sdk.shutdown();
      await receiver.close();
    }
    const spans = receiver.received
      .filter((r) => r.signal === 'traces')
      .flatMap((r) => decodeTraceRequest(r.body))
      .flatMap((rs) => rs.spans);
    const execute = spans.find((s) => s.name === EXECUTE_SPAN_NAME)!;
    const handler = spans.find((s) => s.name === PYTHON_HANDLER_SPAN_NAME)!;
    expect(execute).toBeDefined();
    expect(handler.traceId).toBe(execute.traceId);
    expect(handler.parentSpanId).toBe(execute.spanId);
    expect(handler.startUnixMs).toBeGreaterThanOrEqual(execute.startUnixMs);
  });
});
