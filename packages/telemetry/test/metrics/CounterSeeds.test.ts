import type { Attributes } from '@opentelemetry/api';
import { EventBus } from '@snakepit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createTelemetry, SNAKEPIT_METRICS } from '../../src/index.js';
import type { SnakepitMetricKey, Telemetry, TelemetryOptions } from '../../src/index.js';
import { poolScript } from '../helpers/emitters.js';
import { createTestSdk, sumsOf } from '../helpers/testSdk.js';
import type { TestSdk } from '../helpers/testSdk.js';

const P = 'snakepit.pool.id';
const W = 'snakepit.worker.id';
const CAUSES = ['crashed', 'heartbeat_timeout', 'killed', 'recycled', 'shutdown', 'start_failed'];
const METHODS = ['exited', 'graceful', 'killed', 'terminated'];

describe('counter seeds: a worker start creates the worker counters at 0', () => {
  let sdk: TestSdk;
  let telemetry: Telemetry;
  afterEach(async () => {
    telemetry.shutdown();
    await sdk.shutdown();
  });

  const start = (options: Omit<TelemetryOptions, 'meter' | 'tracer'> = {}) => {
    sdk = createTestSdk();
    const bus = new EventBus({ onListenerError: (error) => expect.fail(String(error)) });
    telemetry = createTelemetry(bus, { ...options, meter: sdk.meter, tracer: sdk.tracer });
    return poolScript(bus, 'p1');
  };
  const sums = async (key: SnakepitMetricKey) =>
    sumsOf((await sdk.collect()).get(SNAKEPIT_METRICS[key].name));
  const labels = (points: { attributes: Attributes }[], key: string) =>
    points.map((p) => p.attributes[key]);

  it('has every worker counter right after the first start, all 0 but the start itself', async () => {
    const s = start();
    s.started('w0', 100, 90, 1001);
    const w0 = { [P]: 'p1', [W]: 'w0' };
    for (const key of ['heartbeatSent', 'heartbeatReceived', 'heartbeatTimeout'] as const) {
      expect(await sums(key), key).toEqual([{ attributes: w0, value: 0 }]);
    }
    expect(await sums('processStarted')).toEqual([{ attributes: w0, value: 1 }]);
    // Per pool, one series per closed cause and method, no worker id.
    const terminated = await sums('processTerminated');
    expect(labels(terminated, 'snakepit.exit.reason')).toEqual(CAUSES);
    expect(terminated.every((p) => p.value === 0 && p.attributes[P] === 'p1')).toBe(true);
    expect(terminated.every((p) => !(W in p.attributes))).toBe(true);
    const cleanups = await sums('cleanupCompleted');
    expect(labels(cleanups, 'snakepit.exit.method')).toEqual(METHODS);
    expect(cleanups.every((p) => p.value === 0 && !(W in p.attributes))).toBe(true);
  });

  it('seeds each slot and each pool once, and counts the real events beside the seeds', async () => {
    const s = start();
    s.started('w0', 100, 90, 1001);
    s.started('w1', 110, 90, 1002);
    s.started('w0', 900, 90, 1003); // restarted in its slot
    s.missed('w1', 2_000, 1, 1);
    expect(await sums('heartbeatTimeout')).toEqual([
      { attributes: { [P]: 'p1', [W]: 'w0' }, value: 0 },
      { attributes: { [P]: 'p1', [W]: 'w1' }, value: 1 },
    ]);
    expect(await sums('processTerminated')).toHaveLength(CAUSES.length);
    expect(await sums('cleanupCompleted')).toHaveLength(METHODS.length);
  });

  it('does not seed a counter whose event is switched off', async () => {
    const s = start({
      events: {
        'snakepit.worker.heartbeat.timeout': false,
        'snakepit.worker.cleanup.completed': false,
      },
    });
    s.started('w0', 100, 90, 1001);
    expect(await sums('heartbeatTimeout')).toEqual([]);
    expect(await sums('cleanupCompleted')).toEqual([]);
    expect(await sums('heartbeatSent')).toHaveLength(1);
    expect(await sums('processTerminated')).toHaveLength(CAUSES.length);
  });

  it('keeps seeded worker ids within maxAttributeValues (`_other` past it)', async () => {
    const s = start({ maxAttributeValues: 2 });
    for (const id of ['w0', 'w1', 'w2', 'w3']) s.started(id, 100, 90, 1000);
    expect(labels(await sums('heartbeatSent'), W)).toEqual(['_other', 'w0', 'w1']);
  });
});
