import { resourceFromAttributes } from '@opentelemetry/resources';
import { isSnakepitError, EventBus } from '@snakepit/core';
import type { SnakepitEventName } from '@snakepit/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createTelemetry,
  OTHER_ATTRIBUTE_VALUE,
  SNAKEPIT_METRICS,
  TELEMETRY_EVENT_NAMES,
} from '../../src/index.js';
import type { TelemetryOptions } from '../../src/index.js';
import { emit, poolScript } from '../helpers/emitters.js';
import { startAndServe } from '../helpers/scriptedLife.js';
import { createTestSdk, sumsOf } from '../helpers/testSdk.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function setup(options: TelemetryOptions = {}) {
  const sdk = createTestSdk();
  const bus = new EventBus();
  const telemetry = createTelemetry(bus, { meter: sdk.meter, tracer: sdk.tracer, ...options });
  cleanups.push(async () => {
    telemetry.shutdown();
    await sdk.shutdown();
  });
  return { sdk, bus, telemetry };
}

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('did not throw');
}

describe('createTelemetry: switches, shutdown and bounds', () => {
  it('listens to every mapped event by default, and to none after shutdown', () => {
    const { bus, telemetry } = setup();
    expect(telemetry.events).toEqual(TELEMETRY_EVENT_NAMES);
    for (const name of TELEMETRY_EVENT_NAMES) {
      expect(bus.hasListeners(name as SnakepitEventName), name).toBe(true);
    }
    telemetry.shutdown();
    telemetry.shutdown();
    for (const name of TELEMETRY_EVENT_NAMES) {
      expect(bus.hasListeners(name as SnakepitEventName), name).toBe(false);
    }
  });

  it('does not listen to an event switched off, so emitting it stays free', async () => {
    const { sdk, bus, telemetry } = setup({
      events: { 'snakepit.worker.heartbeat.sent': false, 'snakepit.pool.queue.depth': false },
    });
    expect(telemetry.events).not.toContain('snakepit.worker.heartbeat.sent');
    expect(bus.hasListeners('snakepit.worker.heartbeat.sent')).toBe(false);
    expect(bus.hasListeners('snakepit.worker.heartbeat.received')).toBe(true);
    startAndServe(bus);
    const metrics = await sdk.collect();
    expect(sumsOf(metrics.get(SNAKEPIT_METRICS.heartbeatSent.name))).toEqual([]);
    expect(sumsOf(metrics.get(SNAKEPIT_METRICS.queueDepth.name))).toEqual([]);
    expect(sumsOf(metrics.get(SNAKEPIT_METRICS.heartbeatReceived.name))).toHaveLength(2);
  });

  it('records nothing after shutdown and stops observing pool state', async () => {
    const { sdk, bus, telemetry } = setup();
    telemetry.shutdown();
    startAndServe(bus);
    const metrics = await sdk.collect();
    for (const def of Object.values(SNAKEPIT_METRICS)) {
      expect(metrics.get(def.name)?.dataPoints ?? [], def.name).toEqual([]);
    }
  });

  it('reports attribute values past the limit as _other', async () => {
    const { sdk, bus } = setup({ maxAttributeValues: 2 });
    for (const worker of ['a', 'b', 'c', 'd']) poolScript(bus, 'p').heartbeat(worker, 100, 1, 1);
    const metrics = await sdk.collect();
    expect(
      sumsOf(metrics.get(SNAKEPIT_METRICS.heartbeatReceived.name)).map((p) => [
        p.attributes['snakepit.worker.id'],
        p.value,
      ]),
    ).toEqual([
      [OTHER_ATTRIBUTE_VALUE, 2],
      ['a', 1],
      ['b', 1],
    ]);
  });

  it('counts a slot first seen mid-life from its current state', async () => {
    const { sdk, bus } = setup();
    emit(bus, 'snakepit.pool.worker.state', {
      poolId: 'p',
      workerId: 'w',
      from: 'ready',
      to: 'busy',
    });
    const metrics = await sdk.collect();
    const busy = sumsOf(metrics.get(SNAKEPIT_METRICS.workerCount.name)).find(
      (p) => p.attributes['snakepit.worker.state'] === 'busy',
    );
    expect(busy?.value).toBe(1);
  });

  it('attaches a call tracer on its tracer to the bus, detached at shutdown', () => {
    const { sdk, bus, telemetry } = setup();
    const trace = bus.executeTracer!.start({ poolId: 'p1', workerId: 'w1', command: 'echo' });
    expect(trace.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    trace.end('ok', { handlerTimeUs: 10 });
    expect(sdk.spans().map((s) => s.name)).toEqual(['snakepit.python.handler', 'snakepit.execute']);
    telemetry.shutdown();
    expect(bus.executeTracer).toBeUndefined();
  });

  it('asks Python for its spans only when given where they go (`pythonSpans`)', () => {
    const call = { poolId: 'p1', workerId: 'w1', command: 'echo' };
    expect(setup().bus.executeTracer!.start(call).forwardPythonSpans).toBeUndefined();
    const target = { spanProcessors: [], resource: resourceFromAttributes({}) };
    expect(setup({ pythonSpans: target }).bus.executeTracer!.start(call).forwardPythonSpans).toBe(
      true,
    );
    expect(
      setup({ pythonSpans: false }).bus.executeTracer!.start(call).forwardPythonSpans,
    ).toBeUndefined();
  });

  it('attaches no call tracer with `traceCalls: false`', () => {
    const { bus } = setup({ traceCalls: false });
    expect(bus.executeTracer).toBeUndefined();
  });

  it('uses the global API (a no-op without an SDK) when no meter or tracer is given', () => {
    const bus = new EventBus({ onListenerError: (error) => expect.fail(String(error)) });
    const telemetry = createTelemetry(bus);
    startAndServe(bus);
    telemetry.shutdown();
  });

  it.each([
    [
      { maxAttributeValues: 0 },
      'Expected `maxAttributeValues` to be an integer in 1–1000000, got `0`',
    ],
    [{ spans: { heartbeat: 'yes' } }, 'Expected `spans.heartbeat` to be a boolean, got `"yes"`'],
    [{ spans: { hearbeat: true } }, 'Unknown option in `spans`: `hearbeat`'],
    [{ events: { 'snakepit.nope': false } }, 'Expected `events` to be keyed by event names'],
    [
      { events: { 'snakepit.worker.heartbeat.sent': 0 } },
      'Expected `events.snakepit.worker.heartbeat.sent` to be a boolean',
    ],
    [{ colour: 'red' }, 'Unknown option: `colour`'],
    [{ traceCalls: 'no' }, 'Expected `traceCalls` to be a boolean, got `"no"`'],
    [{ pythonSpans: true }, 'Expected `pythonSpans` to be an object'],
    [
      { pythonSpans: { spanProcessors: [{}], resource: { attributes: {} } } },
      'Expected `pythonSpans.spanProcessors` to be an array of SpanProcessor',
    ],
    [{ pythonSpans: { spanProcessors: [] } }, 'Expected `pythonSpans.resource` to be a Resource'],
    [
      { pythonSpans: { spanProcessors: [], resource: {}, x: 1 } },
      'Unknown option in `pythonSpans`',
    ],
  ])('rejects bad options: %j', (options, message) => {
    const error = thrown(() => createTelemetry(new EventBus(), options as TelemetryOptions));
    expect(isSnakepitError(error, 'INVALID_OPTIONS')).toBe(true);
    expect(error.message).toContain(message);
  });

  it('rejects something that is not an event bus', () => {
    const error = thrown(() => createTelemetry({} as EventBus));
    expect(error.message).toBe('Expected `bus` to be an EventBus, got `{}`');
  });
});
