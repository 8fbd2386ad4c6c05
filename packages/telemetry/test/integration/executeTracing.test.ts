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
    const seen = (await pool.execute('trace_context')) as { traceparent?: string };
    const spans = sdk.spans();
    const execute = spans.find((s) => s.name === EXECUTE_SPAN_NAME)!;
    const handler = spans.find((s) => s.name === PYTHON_HANDLER_SPAN_NAME)!;
    expect(execute).toBeDefined();
    expect(handler).toBeDefined();
    const { traceId, spanId } = execute.spanContext();
    expect(seen.traceparent).toMatch(new RegExp(`^00-${traceId}-${spanId}-0[01]$`));
    expect(handler.spanContext().traceId).toBe(traceId);
    expect(handler.parentSpanContext?.spanId).toBe(spanId);
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
