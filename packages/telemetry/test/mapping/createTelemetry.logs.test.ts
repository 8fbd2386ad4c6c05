import { EventBus, isSnakepitError } from '@snakepit/core';
import type { SnakepitEventMap } from '@snakepit/core';
import {
  InMemoryLogRecordExporter,
  LoggerProvider,
  SimpleLogRecordProcessor,
} from '@opentelemetry/sdk-logs';
import { afterEach, describe, expect, it } from 'vitest';
import { createTelemetry, SNAKEPIT_METRICS } from '../../src/index.js';
import type { Telemetry, TelemetryOptions } from '../../src/index.js';
import { createTestSdk, sumsOf } from '../helpers/testSdk.js';
import type { TestSdk } from '../helpers/testSdk.js';

type WorkerLog = SnakepitEventMap['snakepit.worker.log'];

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const SPAN_ID = 'b7ad6b7169203331';
// Wall-clock ms: the SDK reads a number below its time origin as relative to it.
const T0 = 1_800_000_000_000;

describe('snakepit.worker.log → log records', () => {
  let sdk: TestSdk;
  let telemetry: Telemetry;
  let logs: InMemoryLogRecordExporter;
  let loggerProvider: LoggerProvider;
  afterEach(async () => {
    telemetry.shutdown();
    await Promise.all([sdk.shutdown(), loggerProvider.shutdown()]);
  });

  const start = (options: Pick<TelemetryOptions, 'logs'> = {}) => {
    sdk = createTestSdk();
    logs = new InMemoryLogRecordExporter();
    loggerProvider = new LoggerProvider({
      processors: [new SimpleLogRecordProcessor({ exporter: logs })],
    });
    const bus = new EventBus({ onListenerError: (error) => expect.fail(String(error)) });
    telemetry = createTelemetry(bus, {
      ...options,
      meter: sdk.meter,
      tracer: sdk.tracer,
      logger: loggerProvider.getLogger('test'),
    });
    return (log: Partial<WorkerLog>) =>
      bus.emit('snakepit.worker.log', {
        ...{ workerId: 'w1', runId: 'r1', poolId: 'p1', pid: 4242, timestampMs: T0 },
        ...{ stream: 'stdout', line: 'hello' },
        ...log,
      });
  };

  it('maps lines and logging records: severity, attributes, span context', () => {
    const emit = start();
    emit({ stream: 'stderr', line: 'oops', traceparent: `00-${TRACE_ID}-${SPAN_ID}-01` });
    emit({ stream: 'control', line: 'boom', level: 'critical', logger: 'app' });
    emit({ line: 'bad trace', traceparent: 'not-a-traceparent' });
    const [stderr, record, untraced] = logs.getFinishedLogRecords().map((r) => ({
      ...{ body: r.body, severityNumber: r.severityNumber, severityText: r.severityText },
      ...{ hrTime: r.hrTime, attributes: r.attributes, spanContext: r.spanContext },
    }));
    expect(stderr).toMatchObject({
      body: 'oops',
      severityNumber: 13,
      severityText: 'WARNING',
      hrTime: [T0 / 1000, 0],
      attributes: {
        'snakepit.worker.id': 'w1',
        'snakepit.run.id': 'r1',
        'snakepit.pool.id': 'p1',
        'process.pid': 4242,
        'log.iostream': 'stderr',
      },
      spanContext: { traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: 1 },
    });
    expect(record).toMatchObject({
      body: 'boom',
      severityNumber: 21,
      severityText: 'CRITICAL',
      attributes: { 'snakepit.python.logger': 'app' },
    });
    expect(record!.attributes['log.iostream']).toBeUndefined();
    expect(record!.spanContext).toBeUndefined();
    expect(untraced!.spanContext).toBeUndefined();
  });

  it('drops what a worker sends over its budget and counts it, per worker', async () => {
    const emit = start({ logs: { maxRecordsPerSecond: 10, burstRecords: 5 } });
    for (let i = 0; i < 8; i += 1) emit({ line: `burst ${i}` });
    emit({ workerId: 'w2', line: 'other worker' });
    emit({ line: 'after 100 ms', timestampMs: T0 + 100 }); // one token back
    emit({ line: 'still over', timestampMs: T0 + 100 });
    const bodies = logs.getFinishedLogRecords().map((r) => r.body);
    expect(bodies).toEqual([
      ...['burst 0', 'burst 1', 'burst 2', 'burst 3', 'burst 4'],
      'other worker',
      'after 100 ms',
    ]);
    const dropped = sumsOf((await sdk.collect()).get(SNAKEPIT_METRICS.logDropped.name));
    expect(dropped).toEqual([
      { attributes: { 'snakepit.pool.id': 'p1', 'snakepit.worker.id': 'w1' }, value: 4 },
    ]);
  });

  it('rejects a bad budget naming the option', () => {
    const bus = new EventBus();
    for (const logs of [{ maxRecordsPerSecond: 0 }, { burstRecords: 1.5 }, { burst: 3 }]) {
      let error: unknown;
      try {
        createTelemetry(bus, { logs: logs });
      } catch (caught) {
        error = caught;
      }
      expect(isSnakepitError(error) && error.code).toBe('INVALID_OPTIONS');
      expect((error as Error).message).toMatch(/`logs\.?/);
    }
    start();
  });
});
