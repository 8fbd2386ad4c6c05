import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { AlwaysOffSampler } from '@opentelemetry/sdk-trace-base';
import type { PythonSpanRecord } from '@snakepit/core';
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

  describe('with pythonSpans: the spans Python forwards', () => {
    const resource = resourceFromAttributes({ 'service.name': 'owner' });
    function forwarding(sampler?: AlwaysOffSampler) {
      const exporter = new InMemorySpanExporter();
      const processor = new SimpleSpanProcessor(exporter);
      const provider = new BasicTracerProvider({
        resource,
        spanProcessors: [processor],
        ...(sampler ? { sampler } : {}),
      });
      const tracing = createExecuteTracing(provider.getTracer('test'), {
        pythonSpans: { spanProcessors: [processor], resource },
      });
      return { exporter, tracing };
    }
    const pythonSpan = (traceId: string, parentSpanId: string): PythonSpanRecord => ({
      name: 'user.work',
      traceId,
      spanId: '00f067aa0ba902b7',
      parentSpanId,
      kind: SpanKind.INTERNAL,
      startTimeUs: 1_700_000_000_123_456,
      endTimeUs: 1_700_000_000_223_456,
      attributes: { 'model.layers': 3, tags: ['a', 'b'], nested: { x: 1 } },
      status: { code: SpanStatusCode.ERROR, message: 'bad input' },
      events: [{ name: 'exception', timeUs: 1_700_000_000_200_000, attributes: { n: 1 } }],
      scope: { name: 'my_adapter', version: '1.2' },
      droppedAttributesCount: 2,
      droppedEventsCount: 0,
    });

    it('asks a sampled call for them and exports them as they came, with the owner’s resource', () => {
      const { exporter, tracing } = forwarding();
      const trace = tracing.start(call);
      expect(trace.forwardPythonSpans).toBe(true);
      const [, traceId, executeSpanId] = trace.traceparent!.split('-');
      trace.end('ok', {
        handlerTimeUs: 2_000,
        isHandlerSpanRecorded: true,
        pythonSpans: [pythonSpan(traceId!, executeSpanId!)],
      });
      const spans = exporter.getFinishedSpans();
      expect(spans.map((s) => s.name).sort()).toEqual([EXECUTE_SPAN_NAME, 'user.work']);
      const user = spans.find((s) => s.name === 'user.work')!;
      expect(user.spanContext()).toMatchObject({ traceId, spanId: '00f067aa0ba902b7' });
      expect(user.parentSpanContext?.spanId).toBe(executeSpanId);
      expect(user.startTime).toEqual([1_700_000_000, 123_456_000]);
      expect(user.endTime).toEqual([1_700_000_000, 223_456_000]);
      expect(user.duration).toEqual([0, 100_000_000]);
      expect(user.attributes).toEqual({ 'model.layers': 3, tags: ['a', 'b'], nested: '{"x":1}' });
      expect(user.status).toEqual({ code: SpanStatusCode.ERROR, message: 'bad input' });
      expect(user.events).toEqual([
        { name: 'exception', time: [1_700_000_000, 200_000_000], attributes: { n: 1 } },
      ]);
      expect(user.instrumentationScope).toEqual({ name: 'my_adapter', version: '1.2' });
      expect(user.droppedAttributesCount).toBe(2);
      expect(user.resource).toBe(resource);
    });

    it('exports the spans of a failed call too', () => {
      const { exporter, tracing } = forwarding();
      const trace = tracing.start(call);
      const [, traceId, executeSpanId] = trace.traceparent!.split('-');
      trace.end('error', {
        error: new Error('raised'),
        isHandlerSpanRecorded: true,
        pythonSpans: [pythonSpan(traceId!, executeSpanId!)],
      });
      expect(exporter.getFinishedSpans().map((s) => s.name)).toContain('user.work');
    });

    it('asks nothing of an unsampled call, nor without pythonSpans', () => {
      expect(forwarding(new AlwaysOffSampler()).tracing.start(call).forwardPythonSpans).toBe(
        undefined,
      );
      const sdk = createTestSdk();
      expect(createExecuteTracing(sdk.tracer).start(call).forwardPythonSpans).toBe(undefined);
    });
  });
});
