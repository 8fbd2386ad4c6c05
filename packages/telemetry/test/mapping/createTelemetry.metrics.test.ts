import { DataPointType } from '@opentelemetry/sdk-metrics';
import type { MetricData } from '@opentelemetry/sdk-metrics';
import { EventBus } from '@snakepit/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTelemetry, SNAKEPIT_METRICS } from '../../src/index.js';
import type { Telemetry } from '../../src/index.js';
import { hangAndRestart, rareEvents, startAndServe, stopAll } from '../helpers/scriptedLife.js';
import { createTestSdk, histogramsOf, nonZero, sumsOf } from '../helpers/testSdk.js';
import type { TestSdk } from '../helpers/testSdk.js';

const P = 'snakepit.pool.id';
const W = 'snakepit.worker.id';
const w0 = { [P]: 'p1', [W]: 'w0' };
const w1 = { [P]: 'p1', [W]: 'w1' };

const TYPES = {
  observable_counter: DataPointType.SUM,
  histogram: DataPointType.HISTOGRAM,
  observable_updowncounter: DataPointType.SUM,
} as const;

describe('createTelemetry: a scripted life of a pool, with the real SDK', () => {
  let sdk: TestSdk;
  let bus: EventBus;
  let telemetry: Telemetry;
  let metrics: Map<string, MetricData>;
  const m = (key: keyof typeof SNAKEPIT_METRICS) => metrics.get(SNAKEPIT_METRICS[key].name);

  beforeEach(async () => {
    sdk = createTestSdk();
    bus = new EventBus({ onListenerError: (error) => expect.fail(String(error)) });
    telemetry = createTelemetry(bus, { meter: sdk.meter, tracer: sdk.tracer });
    startAndServe(bus);
    hangAndRestart(bus);
    rareEvents(bus);
    metrics = await sdk.collect();
  });

  afterEach(async () => {
    telemetry.shutdown();
    await sdk.shutdown();
  });

  it('creates every instrument with its name, unit, description, kind and buckets', () => {
    for (const def of Object.values(SNAKEPIT_METRICS)) {
      const metric = metrics.get(def.name);
      expect(metric, def.name).toBeDefined();
      expect(metric!.descriptor.unit, def.name).toBe(def.unit);
      expect(metric!.descriptor.description).toBe(def.description);
      expect(metric!.dataPointType, def.name).toBe(TYPES[def.kind]);
      if (metric!.dataPointType === DataPointType.SUM) {
        expect(metric!.isMonotonic, def.name).toBe(def.kind === 'observable_counter');
      }
      if ('buckets' in def && metric!.dataPointType === DataPointType.HISTOGRAM) {
        const boundaries = metric!.dataPoints[0]!.value.buckets.boundaries;
        expect(boundaries, def.name).toEqual(def.buckets);
      }
    }
  });

  it('counts heartbeats per worker slot and records round trips in seconds', () => {
    expect(sumsOf(m('heartbeatSent'))).toEqual([
      { attributes: w0, value: 3 },
      { attributes: w1, value: 4 },
    ]);
    expect(sumsOf(m('heartbeatReceived'))).toEqual([
      { attributes: w0, value: 3 },
      { attributes: w1, value: 1 },
    ]);
    // w0 never missed: its series was created at 0 when it started.
    expect(sumsOf(m('heartbeatTimeout'))).toEqual([
      { attributes: w0, value: 0 },
      { attributes: w1, value: 3 },
    ]);
    expect(histogramsOf(m('heartbeatDuration'))).toEqual([
      { attributes: w0, count: 3, sum: 0.014 },
      { attributes: w1, count: 1, sum: 0.00075 },
    ]);
  });

  it('counts starts and terminations with bounded reasons, and records durations', () => {
    expect(sumsOf(m('processStarted'))).toEqual([
      { attributes: w0, value: 1 },
      { attributes: w1, value: 2 },
    ]);
    expect(histogramsOf(m('startDuration'))).toEqual([
      { attributes: { [P]: 'p1' }, count: 3, sum: 0.59 },
    ]);
    const killed = {
      'snakepit.exit.reason': 'heartbeat_timeout',
      'snakepit.exit.method': 'killed',
    };
    expect(nonZero(sumsOf(m('processTerminated')))).toEqual([
      { attributes: { ...w1, ...killed }, value: 1 },
    ]);
    expect(histogramsOf(m('uptime'))).toEqual([
      {
        attributes: { [P]: 'p1', 'snakepit.exit.reason': 'heartbeat_timeout' },
        count: 1,
        sum: 9.85,
      },
    ]);
    expect(nonZero(sumsOf(m('cleanupCompleted')))).toEqual([
      { attributes: { ...w1, 'snakepit.exit.method': 'killed' }, value: 1 },
    ]);
    expect(histogramsOf(m('cleanupDuration'))).toEqual([
      { attributes: { [P]: 'p1', 'snakepit.exit.method': 'killed' }, count: 1, sum: 2.101 },
    ]);
  });

  it('counts supervisor, orphan, registry, recycle, pool failure and thread events', () => {
    const sup = { 'snakepit.supervisor.id': 'pool-p1' };
    expect(sumsOf(m('childExited'))).toEqual([
      {
        attributes: {
          ...sup,
          'snakepit.supervisor.child.id': 'w1',
          'snakepit.exit.abnormal': true,
        },
        value: 1,
      },
    ]);
    expect(sumsOf(m('childRestarted'))).toEqual([
      {
        attributes: {
          ...sup,
          'snakepit.supervisor.child.id': 'w1',
          'snakepit.supervisor.strategy': 'one_for_one',
          'snakepit.exit.reason': 'heartbeat_timeout',
        },
        value: 1,
      },
    ]);
    expect(sumsOf(m('childStartFailed'))).toEqual([
      { attributes: { ...sup, 'snakepit.supervisor.child.id': 'w2' }, value: 1 },
    ]);
    expect(sumsOf(m('supervisorEscalated'))).toEqual([
      {
        attributes: {
          'snakepit.supervisor.id': 'root',
          'snakepit.supervisor.escalation': 'reached_max_restart_intensity',
        },
        value: 1,
      },
    ]);
    expect(sumsOf(m('threadTerminated'))).toEqual([
      { attributes: { 'snakepit.exit.reason': 'stop_timeout' }, value: 1 },
    ]);
    expect(sumsOf(m('orphanReaped'))).toEqual([
      {
        attributes: { 'snakepit.orphan.signal': 'SIGTERM', 'snakepit.orphan.found_by': 'registry' },
        value: 1,
      },
    ]);
    expect(sumsOf(m('workerRecycled'))).toEqual([
      { attributes: { ...w0, 'snakepit.recycle.reason': 'max_requests' }, value: 1 },
    ]);
    expect(sumsOf(m('poolFailed'))).toEqual([{ attributes: { [P]: 'p2' }, value: 1 }]);
    expect(sumsOf(m('registryError'))).toEqual([
      {
        attributes: { 'snakepit.registry.operation': 'write', 'snakepit.registry.code': 'ENOSPC' },
        value: 1,
      },
    ]);
  });

  it('counts execute outcomes and queue rejections, and records call and queue times', () => {
    const echo = { [P]: 'p1', 'snakepit.command': 'echo', 'snakepit.execute.outcome': 'ok' };
    const fail = {
      [P]: 'p1',
      'snakepit.command': 'fail',
      'snakepit.execute.outcome': 'error',
      'error.type': 'PYTHON_ERROR',
    };
    expect(sumsOf(m('executeCompleted'))).toEqual([
      { attributes: fail, value: 1 },
      { attributes: echo, value: 2 },
    ]);
    expect(histogramsOf(m('executeDuration'))).toEqual([
      { attributes: fail, count: 1, sum: 0.008 },
      { attributes: echo, count: 2, sum: 0.035 },
    ]);
    expect(histogramsOf(m('queueWaitTime'))).toEqual([
      { attributes: { [P]: 'p1' }, count: 3, sum: 0.014 },
    ]);
    expect(sumsOf(m('queueRejected'))).toEqual([
      { attributes: { [P]: 'p1', 'snakepit.rejection.reason': 'full' }, value: 1 },
    ]);
  });

  it('observes workers by state (every state, zeros included) and the queue depth', async () => {
    const byState = (metric: MetricData | undefined) =>
      Object.fromEntries(
        sumsOf(metric).map((p) => [p.attributes['snakepit.worker.state'] as string, p.value]),
      );
    expect(byState(m('workerCount'))).toEqual({
      starting: 0,
      ready: 2,
      busy: 0,
      unhealthy: 0,
      stopping: 0,
      stopped: 0,
    });
    expect(sumsOf(m('queueDepth'))).toEqual([{ attributes: { [P]: 'p1' }, value: 3 }]);

    stopAll(bus);
    metrics = await sdk.collect();
    expect(byState(m('workerCount'))).toMatchObject({ ready: 0, stopping: 0, stopped: 2 });
    expect(sumsOf(m('queueDepth'))).toEqual([{ attributes: { [P]: 'p1' }, value: 0 }]);
    // The label is the exit's closed cause (`shutdown`), not its words (`stopped`).
    const graceful = { 'snakepit.exit.reason': 'shutdown', 'snakepit.exit.method': 'graceful' };
    expect(sumsOf(m('processTerminated'))).toEqual(
      expect.arrayContaining([
        { attributes: { ...w0, ...graceful }, value: 1 },
        { attributes: { ...w1, ...graceful }, value: 1 },
      ]),
    );
    expect(histogramsOf(m('uptime'))).toContainEqual({
      attributes: { [P]: 'p1', 'snakepit.exit.reason': 'shutdown' },
      count: 2,
      sum: 29.4,
    });
  });
});
