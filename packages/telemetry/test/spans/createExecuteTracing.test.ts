import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import {
  createExecuteTracing,
  EXECUTE_SPAN_NAME,
  PYTHON_HANDLER_SPAN_NAME,
} from '../../src/index.js';
import { createTestSdk } from '../helpers/testSdk.js';

const call = { poolId: 'p1', workerId: 'w0', command: 'echo' };

describe('createExecuteTracing', () => {
  it('records the handler span from the handler time Python reported', () => {
    const sdk = createTestSdk();
    createExecuteTracing(sdk.tracer).start(call).end('ok', { handlerTimeUs: 2_000 });
    const execute = sdk.spans().find((s) => s.name === EXECUTE_SPAN_NAME)!;
    const handler = sdk.spans().find((s) => s.name === PYTHON_HANDLER_SPAN_NAME)!;
    expect(handler.kind).toBe(SpanKind.SERVER);
    expect(handler.parentSpanContext?.spanId).toBe(execute.spanContext().spanId);
    expect(handler.attributes).toEqual({ 'snakepit.command': 'echo', 'snakepit.worker.id': 'w0' });
  });

  it('records no handler span when Python recorded it (an SDK is set up in the worker)', () => {
    const sdk = createTestSdk();
    createExecuteTracing(sdk.tracer)
      .start(call)
      .end('ok', { handlerTimeUs: 2_000, isHandlerSpanRecorded: true });
    expect(sdk.spans().map((s) => s.name)).toEqual([EXECUTE_SPAN_NAME]);
  });

  it('records no handler span when the call never reached the handler', () => {
    const sdk = createTestSdk();
    createExecuteTracing(sdk.tracer)
      .start(call)
      .end('error', { error: new Error('gone') });
    expect(sdk.spans().map((s) => s.name)).toEqual([EXECUTE_SPAN_NAME]);
  });
});
