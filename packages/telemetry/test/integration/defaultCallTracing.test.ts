import { EventBus } from '@snakepit/core';
import { createPool, createRunId } from '@snakepit/python-bridge';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import {
  createExecuteTracing,
  EXECUTE_SPAN_NAME,
  PYTHON_HANDLER_SPAN_NAME,
  WORKER_SPAN_NAMES,
} from '../../src/index.js';
import { setupTelemetry } from '../../src/setup/index.js';
import type { SetupTelemetryOptions } from '../../src/setup/index.js';
import { createTestSdk } from '../helpers/testSdk.js';

// The guide's set-up, verbatim but for an in-memory exporter: one bus and one
// run id shared by setupTelemetry and createPool, no `tracer` option.
async function tracedRun(telemetry: SetupTelemetryOptions['telemetry'] = {}) {
  const exporter = new InMemorySpanExporter();
  const bus = new EventBus();
  const runId = createRunId();
  const sdk = await setupTelemetry({
    bus,
    runId,
    registerGlobal: false,
    telemetry,
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const pool = await createPool({ bus, runId, size: 1, placement: 'inline' });
  try {
    const seen = await pool.execute<{ traceparent?: string }>('trace_context');
    return { spans: exporter.getFinishedSpans(), seen, runId, bus };
  } finally {
    await pool.stop();
    await sdk.shutdown();
  }
}

describe('call tracing wired by setupTelemetry through the bus', () => {
  it('traces calls of a pool on the bus with no `tracer` option', async () => {
    const { spans, seen, runId, bus } = await tracedRun();
    const execute = spans.find((s) => s.name === EXECUTE_SPAN_NAME)!;
    const handler = spans.find((s) => s.name === PYTHON_HANDLER_SPAN_NAME)!;
    expect(execute).toBeDefined();
    expect(handler).toBeDefined();
    const { traceId, spanId } = execute.spanContext();
    expect(seen.traceparent).toMatch(new RegExp(`^00-${traceId}-${spanId}-0[01]$`));
    expect(handler.parentSpanContext?.spanId).toBe(spanId);
    // One run id: the resource's and the pool's.
    expect(execute.resource.attributes['snakepit.run.id']).toBe(runId);
    expect(spans.find((s) => s.name === WORKER_SPAN_NAMES.start)!.attributes).toMatchObject({
      'snakepit.run.id': runId,
    });
    // shutdown() detached the tracer.
    expect(bus.executeTracer).toBeUndefined();
  });

  it('traces no call with `traceCalls: false` (worker spans stay)', async () => {
    const { spans, seen } = await tracedRun({ traceCalls: false });
    expect(spans.map((s) => s.name)).not.toContain(EXECUTE_SPAN_NAME);
    expect(spans.map((s) => s.name)).not.toContain(PYTHON_HANDLER_SPAN_NAME);
    expect(spans.map((s) => s.name)).toContain(WORKER_SPAN_NAMES.start);
    expect(seen.traceparent).toBeUndefined();
  });

  it('attaches no call tracer when no span goes anywhere (Prometheus only), unless asked', async () => {
    const bus = new EventBus();
    const quiet = await setupTelemetry({
      bus,
      registerGlobal: false,
      prometheus: { serve: false },
    });
    expect(bus.executeTracer).toBeUndefined();
    await quiet.shutdown();
    const asked = await setupTelemetry({
      bus,
      registerGlobal: false,
      prometheus: { serve: false },
      telemetry: { traceCalls: true },
    });
    expect(bus.executeTracer).toBeDefined();
    await asked.shutdown();
    expect(bus.executeTracer).toBeUndefined();
  });

  it('prefers the pool’s own `tracer` to the bus’s', async () => {
    const own = createTestSdk();
    const exporter = new InMemorySpanExporter();
    const bus = new EventBus();
    const sdk = await setupTelemetry({
      bus,
      registerGlobal: false,
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    const pool = await createPool({
      bus,
      size: 1,
      placement: 'inline',
      tracer: createExecuteTracing(own.tracer),
    });
    try {
      await pool.execute('add', [1, 2]);
    } finally {
      await pool.stop();
      await sdk.shutdown();
    }
    expect(own.spans().map((s) => s.name)).toContain(EXECUTE_SPAN_NAME);
    expect(exporter.getFinishedSpans().map((s) => s.name)).not.toContain(EXECUTE_SPAN_NAME);
    await own.shutdown();
  });
});
