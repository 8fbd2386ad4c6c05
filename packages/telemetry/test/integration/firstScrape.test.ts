import { EventBus } from '@snakepit/core';
import { createPool, createRunId } from '@snakepit/python-bridge';
import type { Pool } from '@snakepit/python-bridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNAKEPIT_METRICS } from '../../src/index.js';
import { setupTelemetry } from '../../src/setup/index.js';
import type { TelemetrySdk } from '../../src/setup/index.js';
import { parseExposition, prometheusName } from '../helpers/exposition.js';
import { freePort, startPrometheus, waitFor } from '../helpers/prometheusServer.js';
import type { PrometheusServer } from '../helpers/prometheusServer.js';

// The design brief's six lifecycle events, as the counters Prometheus shows.
const SEED_METRICS = [
  SNAKEPIT_METRICS.heartbeatSent,
  SNAKEPIT_METRICS.heartbeatReceived,
  SNAKEPIT_METRICS.heartbeatTimeout,
  SNAKEPIT_METRICS.processStarted,
  SNAKEPIT_METRICS.processTerminated,
  SNAKEPIT_METRICS.cleanupCompleted,
].map(prometheusName);
const FAULTS = [
  'snakepit_worker_heartbeat_timeout_total',
  'snakepit_worker_process_terminated_total',
  'snakepit_worker_cleanup_completed_total',
];

// A fresh pool of real Python workers, scraped right after createPool
// resolves, by curl-like fetch and by a real Prometheus server.
describe('the first scrape of a fresh pool', () => {
  const bus = new EventBus();
  const runId = createRunId();
  let sdk: TelemetrySdk | undefined;
  let pool: Pool | undefined;
  let prometheus: PrometheusServer | undefined;
  let exposition = '';

  beforeAll(async () => {
    const port = await freePort();
    sdk = await setupTelemetry({ bus, runId, registerGlobal: false, prometheus: { port } });
    // Heartbeats every 30 s: the scrape sees the start, not a heartbeat yet.
    pool = await createPool({
      id: 'fresh',
      size: 2,
      bus,
      runId,
      heartbeat: { intervalMs: 30_000 },
    });
    exposition = await (await fetch(sdk.prometheusUrl!)).text();
    prometheus = await startPrometheus(`127.0.0.1:${port}`);
  }, 45_000);

  afterAll(async () => {
    await prometheus?.stop();
    await pool?.stop();
    await sdk?.shutdown();
  });

  it('has all six seed metrics, the fault counters at 0', () => {
    const { families } = parseExposition(exposition);
    for (const name of SEED_METRICS) expect(families.get(name), name).toBe('counter');
    const samples = (name: string) =>
      exposition
        .split('\n')
        .filter((line) => line.startsWith(`${name}{`) && line.includes('snakepit_pool_id="fresh"'))
        .map((line) => Number(line.slice(line.lastIndexOf(' ') + 1)));
    for (const name of FAULTS) {
      expect(samples(name).length, name).toBeGreaterThan(0);
      expect(
        samples(name).every((value) => value === 0),
        name,
      ).toBe(true);
    }
    expect(samples('snakepit_worker_process_started_total')).toEqual([1, 1]);
    expect(samples('snakepit_worker_heartbeat_sent_total')).toHaveLength(2);
    expect(samples('snakepit_worker_heartbeat_received_total')).toHaveLength(2);
  });

  it('answers the dashboard’s fault queries with 0, not with no data', async () => {
    const query = async (promql: string) => prometheus!.query(promql);
    await waitFor(
      async () => (await query('snakepit_worker_cleanup_completed_total')).length > 0,
      20_000,
      () => prometheus!.output(),
    );
    const pool = 'snakepit_pool_id="fresh"';
    for (const name of SEED_METRICS) {
      const [sample] = await query(`sum(${name}{${pool}})`);
      expect(sample, name).toBeDefined();
      if (FAULTS.includes(name)) expect(Number(sample!.value[1]), name).toBe(0);
    }
    expect(
      Number((await query(`sum(snakepit_worker_process_started_total{${pool}})`))[0]!.value[1]),
    ).toBe(2);
    // The series every panel groups by: a zero line per worker, cause and method.
    const byWorker = await query(
      `sum by (snakepit_worker_id) (snakepit_worker_heartbeat_timeout_total{${pool}})`,
    );
    expect(byWorker.map((s) => [s.metric.snakepit_worker_id, s.value[1]]).sort()).toEqual([
      ['fresh.w1', '0'],
      ['fresh.w2', '0'],
    ]);
    const byReason = await query(
      `sum by (snakepit_exit_reason) (snakepit_worker_process_terminated_total{${pool}})`,
    );
    expect(byReason.map((s) => s.metric.snakepit_exit_reason).sort()).toEqual([
      'crashed',
      'heartbeat_timeout',
      'killed',
      'recycled',
      'shutdown',
      'start_failed',
    ]);
    const byMethod = await query(
      `sum by (snakepit_exit_method) (snakepit_worker_cleanup_completed_total{${pool}})`,
    );
    expect(byMethod.map((s) => s.metric.snakepit_exit_method).sort()).toEqual([
      'exited',
      'graceful',
      'killed',
      'terminated',
    ]);
    expect(await query(`absent(snakepit_worker_heartbeat_timeout_total{${pool}})`)).toEqual([]);
  });
});
