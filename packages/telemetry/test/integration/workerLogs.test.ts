import { EventBus } from '@snakepit/core';
import { createPool, createRunId } from '@snakepit/python-bridge';
import { describe, expect, it } from 'vitest';
import { EXECUTE_SPAN_NAME, PYTHON_HANDLER_SPAN_NAME } from '../../src/index.js';
import { setupTelemetry } from '../../src/setup/index.js';
import { decodeLogsRequest, decodeTraceRequest } from '../helpers/decodeOtlp.js';
import { startHttpReceiver } from '../helpers/otlpReceivers.js';

// The guide's set-up against a real OTLP/HTTP receiver and a real worker:
// what a handler prints and logs arrives as log records in the call's trace.
describe('worker output and Python logging as OTLP log records', () => {
  it('exports printed lines and logging records with worker, run, pid, severity and the call’s trace', async () => {
    const receiver = await startHttpReceiver();
    const bus = new EventBus();
    const runId = createRunId();
    const sdk = await setupTelemetry({
      bus,
      runId,
      registerGlobal: false,
      otlp: { endpoint: receiver.endpoint, exportIntervalMs: 60_000 },
    });
    const pool = await createPool({ bus, runId, size: 1, placement: 'inline' });
    let pid: number | undefined;
    try {
      await pool.execute('emit', { text: 'printed in a call' });
      await pool.execute('log', {
        message: 'logged in a call',
        level: 'error',
        logger: 'app.model',
      });
      pid = pool.stats().workers[0]?.pid;
    } finally {
      await pool.stop();
      await sdk.shutdown();
      await receiver.close();
    }
    const bodies = (signal: 'logs' | 'traces') =>
      receiver.received.filter((r) => r.signal === signal).map((r) => r.body);
    const records = bodies('logs').flatMap((b) => decodeLogsRequest(b).flatMap((r) => r.records));
    const spans = bodies('traces').flatMap((b) => decodeTraceRequest(b).flatMap((r) => r.spans));
    const executes = spans.filter((s) => s.name === EXECUTE_SPAN_NAME);
    expect(executes).toHaveLength(2);

    const printed = records.find((r) => r.body === 'printed in a call')!;
    const logged = records.find((r) => r.body === 'logged in a call')!;
    expect(printed).toMatchObject({
      severityText: 'INFO',
      severityNumber: 9,
      attributes: {
        'snakepit.run.id': runId,
        'process.pid': pid,
        'log.iostream': 'stdout',
      },
    });
    expect(Object.keys(printed.attributes)).toEqual(
      expect.arrayContaining(['snakepit.worker.id', 'snakepit.pool.id']),
    );
    expect(logged).toMatchObject({
      severityText: 'ERROR',
      severityNumber: 17,
      attributes: { 'snakepit.python.logger': 'app.model', 'snakepit.run.id': runId },
    });
    // Each record carries the trace and span of the call that wrote it: the
    // handler span Python recorded and forwarded when it has the OpenTelemetry
    // API (the project's .venv), else the execute span (Debian's python3: no
    // span of Python's is current).
    const spansOfCall = (command: string) => {
      const execute = executes.find((s) => s.attributes['snakepit.command'] === command)!;
      const handler = spans.find(
        (s) => s.name === PYTHON_HANDLER_SPAN_NAME && s.parentSpanId === execute.spanId,
      )!;
      expect(handler.traceId).toBe(execute.traceId);
      return { traceId: execute.traceId, spanIds: [execute.spanId, handler.spanId] };
    };
    for (const [record, command] of [
      [printed, 'emit'],
      [logged, 'log'],
    ] as const) {
      const call = spansOfCall(command);
      expect(record.traceId).toBe(call.traceId);
      expect(call.spanIds).toContain(record.spanId);
    }
  });
});
