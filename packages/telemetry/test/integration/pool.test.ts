import { SpanStatusCode } from '@opentelemetry/api';
import { EventBus } from '@snakepit/core';
import { createPool } from '@snakepit/python-bridge';
import type { Pool } from '@snakepit/python-bridge';
import { afterAll, describe, expect, it } from 'vitest';
import { createTelemetry, SNAKEPIT_METRICS, WORKER_SPAN_NAMES } from '../../src/index.js';
import type { SnakepitMetricKey } from '../../src/index.js';
import { waitFor } from '../helpers/prometheusServer.js';
import { createTestSdk, histogramsOf, nonZero, sumsOf } from '../helpers/testSdk.js';

// The real pool (Python workers owned by actors on threads, events forwarded
// to this bus, supervised): start, execute, hang (SIGSTOP), detection, kill,
// restart, stop, read back through the real SDK.
describe('a real pool through the mapping', () => {
  const sdk = createTestSdk();
  const bus = new EventBus({ onListenerError: (error) => expect.fail(String(error)) });
  const telemetry = createTelemetry(bus, { meter: sdk.meter, tracer: sdk.tracer });
  const pids: [string, number][] = [];
  bus.on('snakepit.worker.process.started', (p) => void pids.push([p.workerId, p.pid!]));
  let pool: Pool | undefined;

  afterAll(async () => {
    await pool?.stop();
    telemetry.shutdown();
    await sdk.shutdown();
  });

  const metric = async (key: SnakepitMetricKey) =>
    (await sdk.collect()).get(SNAKEPIT_METRICS[key].name);
  const byState = async (): Promise<Record<string, number>> =>
    Object.fromEntries(
      sumsOf(await metric('workerCount')).map((p) => [
        String(p.attributes['snakepit.worker.state']),
        p.value,
      ]),
    );
  const total = async (key: SnakepitMetricKey) =>
    sumsOf(await metric(key)).reduce((sum, p) => sum + p.value, 0);

  it('counts calls, workers by state, heartbeats, the hang and the restart', async () => {
    pool = await createPool({
      id: 'tp',
      size: 2,
      bus,
      heartbeat: { intervalMs: 150, timeoutMs: 150, maxMissed: 3 },
      restart: { backoff: false },
    });
    for (let i = 0; i < 4; i++) await pool.execute('echo', { i });
    expect(await byState()).toMatchObject({ ready: 2, busy: 0, stopped: 0 });
    expect(sumsOf(await metric('executeCompleted'))).toEqual([
      {
        attributes: {
          'snakepit.pool.id': 'tp',
          'snakepit.command': 'echo',
          'snakepit.execute.outcome': 'ok',
        },
        value: 4,
      },
    ]);
    expect(histogramsOf(await metric('queueWaitTime'))[0]!.count).toBe(4);
    // A failed call is labelled with its error code (the pool's `errorCode`).
    await expect(pool.execute('raise_error', { message: 'boom' })).rejects.toThrow('boom');
    expect(sumsOf(await metric('executeCompleted'))).toContainEqual({
      attributes: {
        'snakepit.pool.id': 'tp',
        'snakepit.command': 'raise_error',
        'snakepit.execute.outcome': 'error',
        'error.type': 'PYTHON_ERROR',
      },
      value: 1,
    });
    // Worker events carry their pool: worker metrics are labelled with it.
    expect(
      new Set(sumsOf(await metric('heartbeatSent')).map((p) => p.attributes['snakepit.pool.id'])),
    ).toEqual(new Set(['tp']));

    const hungPid = pids.find(([id]) => id === 'tp.w1')![1];
    process.kill(hungPid, 'SIGSTOP');
    await waitFor(async () => (await total('childRestarted')) === 1, 20_000);
    await waitFor(async () => (await byState()).ready === 2, 20_000);
    expect(await total('processStarted')).toBe(3);
    expect(await total('heartbeatTimeout')).toBeGreaterThanOrEqual(3);
    const terminated = nonZero(sumsOf(await metric('processTerminated')));
    expect(
      terminated.map((p) => [
        p.attributes['snakepit.worker.id'],
        p.attributes['snakepit.exit.reason'],
      ]),
    ).toEqual([['tp.w1', 'heartbeat_timeout']]);

    await pool.stop();
    pool = undefined;
    expect(await byState()).toMatchObject({ ready: 0, stopped: 2 });
    expect(await total('cleanupCompleted')).toBe(3);

    const spans = sdk.spans();
    const starts = spans.filter((s) => s.name === WORKER_SPAN_NAMES.start);
    expect(starts.map((s) => s.attributes['process.pid']).sort()).toEqual(
      pids.map(([, pid]) => pid).sort(),
    );
    const hung = spans.find(
      (s) => s.name === WORKER_SPAN_NAMES.terminate && s.attributes['process.pid'] === hungPid,
    )!;
    expect(hung.status).toEqual({ code: SpanStatusCode.ERROR, message: 'heartbeat timeout' });
    expect(hung.attributes).toMatchObject({
      'snakepit.pool.id': 'tp',
      'snakepit.exit.cause': 'heartbeat_timeout',
    });
    // Killed without the Shutdown rung; SIGTERM (with SIGCONT) ends a stopped process.
    expect(hung.events.map((e) => e.name)).toEqual([
      'snakepit.kill.sigterm',
      'snakepit.process.exited',
    ]);
    const hungStart = starts.find((s) => s.attributes['process.pid'] === hungPid)!;
    expect(hung.links[0]!.context.spanId).toBe(hungStart.spanContext().spanId);
    expect(spans.filter((s) => s.name === WORKER_SPAN_NAMES.terminate)).toHaveLength(3);
  }, 45_000);
});
