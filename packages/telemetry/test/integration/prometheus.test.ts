import { readFileSync } from 'node:fs';
import type {} from '@snakepit/actors';
import { EventBus } from '@snakepit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNAKEPIT_METRICS } from '../../src/index.js';
import { setupTelemetry } from '../../src/setup/index.js';
import type { TelemetrySdk } from '../../src/setup/index.js';
import {
  ALERTS_FILE,
  DASHBOARD_FILE,
  dashboardExpressions,
  dashboardVariables,
  parseExposition,
  prometheusName,
  seriesNames,
  withoutGrafanaVariables,
} from '../helpers/exposition.js';
import { freePort, startPrometheus, waitFor } from '../helpers/prometheusServer.js';
import type { PrometheusServer } from '../helpers/prometheusServer.js';
import { hangAndRestart, rareEvents, startAndServe, workRound } from '../helpers/scriptedLife.js';

const TYPES = {
  observable_counter: 'counter',
  histogram: 'histogram',
  observable_updowncounter: 'gauge',
};

describe('Prometheus: a real server scrapes setupTelemetry’s endpoint', () => {
  const bus = new EventBus();
  let sdk: TelemetrySdk | undefined;
  let prometheus: PrometheusServer | undefined;
  let exposition = '';
  const value = async (promql: string) => Number((await prometheus!.query(promql))[0]?.value[1]);

  beforeAll(async () => {
    const port = await freePort();
    sdk = await setupTelemetry({
      bus,
      registerGlobal: false,
      runId: 'prom-run',
      prometheus: { port },
    });
    startAndServe(bus);
    hangAndRestart(bus);
    rareEvents(bus);
    exposition = await (await fetch(sdk.prometheusUrl!)).text();
    prometheus = await startPrometheus(`127.0.0.1:${port}`, [ALERTS_FILE]);
  }, 30_000);

  afterAll(async () => {
    await prometheus?.stop();
    await sdk?.shutdown();
  });

  it('exposes every instrument under its Prometheus name (`_` for `.`, `_total` on counters, no unit suffix)', () => {
    const { families } = parseExposition(exposition);
    for (const def of Object.values(SNAKEPIT_METRICS)) {
      // No log exporter here, so the log event is not mapped and its counter not seeded.
      if (def.event === 'snakepit.worker.log') continue;
      expect(families.get(prometheusName(def)), def.name).toBe(TYPES[def.kind]);
    }
    expect(exposition).toMatch(
      /^snakepit_worker_heartbeat_sent_total\{snakepit_pool_id="p1",snakepit_worker_id="w1",otel_scope_name="@snakepit\/telemetry",otel_scope_version="0\.1\.0"\} 4$/m,
    );
    expect(exposition).toMatch(/^target_info\{.*snakepit_run_id="prom-run".*\} 1$/m);
  });

  it('answers PromQL with the heartbeat and restart counts', async () => {
    await waitFor(
      async () => (await prometheus!.query('snakepit_supervisor_child_restarted_total')).length > 0,
      20_000,
      () => prometheus!.output(),
    );
    expect(await value('up{job="snakepit"}')).toBe(1);
    expect(await value('sum(snakepit_worker_heartbeat_received_total)')).toBe(4);
    expect(await value('snakepit_worker_heartbeat_sent_total{snakepit_worker_id="w1"}')).toBe(4);
    expect(await value('snakepit_worker_heartbeat_timeout_total{snakepit_worker_id="w1"}')).toBe(3);
    expect(
      await value(
        'sum(snakepit_supervisor_child_restarted_total{snakepit_exit_reason="heartbeat_timeout"})',
      ),
    ).toBe(1);
    expect(await value('sum(snakepit_pool_worker_count{snakepit_worker_state="ready"})')).toBe(2);
    expect(await value('snakepit_worker_heartbeat_duration_count{snakepit_worker_id="w0"}')).toBe(
      3,
    );
  });

  it('shows the pool’s state on the main panels', async () => {
    const byTitle = (title: string) =>
      withoutGrafanaVariables(dashboardExpressions().find((d) => d.title === title)!.expr);
    expect(await prometheus!.query(byTitle('Workers by state'))).toHaveLength(6);
    expect(await value(byTitle('Ready or busy workers'))).toBe(2);
    expect(await value(byTitle('Queue depth'))).toBe(3);
  });

  it('uses only metric and label names the endpoint exposes, in the dashboard and the alert rules', () => {
    const { families, labels } = parseExposition(exposition);
    const known = new Set([
      ...labels,
      ...[...families].flatMap(([f, type]) => seriesNames(f, type)),
    ]);
    for (const file of [DASHBOARD_FILE, ALERTS_FILE]) {
      const names = new Set(readFileSync(file, 'utf8').match(/\bsnakepit_[a-z0-9_]+/g));
      expect(names.size, file).toBeGreaterThan(10);
      for (const name of names) expect(known.has(name), `${name} in ${file}`).toBe(true);
    }
  });

  it('loads the alert rules and fires escalation and orphan alerts on new events', async () => {
    bus.emit('snakepit.supervisor.escalated', {
      supervisorId: 'root',
      timestampMs: Date.now(),
      childId: 'pool-p1',
      reason: 'Error: boom',
      escalation: 'reached_max_restart_intensity',
      restartsInPeriod: 4,
      maxRestarts: 3,
      periodMs: 5_000,
    });
    bus.emit('snakepit.orphan.reaped', { runId: 'old', pid: 998, signal: 'SIGKILL' });
    type Alerts = { alerts: { labels: Record<string, string>; state: string }[] };
    const firing = async () =>
      (await prometheus!.api<Alerts>('/api/v1/alerts')).alerts
        .filter((a) => a.state === 'firing')
        .map((a) => a.labels.alertname);
    await waitFor(
      async () => (await firing()).includes('SnakepitSupervisorEscalated'),
      20_000,
      () => prometheus!.output(),
    );
    await waitFor(async () => (await firing()).includes('SnakepitOrphansReaped'), 10_000);
    type Rules = { groups: { rules: { name: string; health: string; lastError?: string }[] }[] };
    const rules = (await prometheus!.api<Rules>('/api/v1/rules')).groups.flatMap((g) => g.rules);
    expect(rules).toHaveLength(10);
    for (const rule of rules)
      expect([rule.name, rule.health, rule.lastError ?? '']).toEqual([rule.name, 'ok', '']);
  });

  // Last: it keeps the pool working, which moves every counter the tests
  // above count.
  it('has data for every panel query, the annotation and both variables while the pool works', async () => {
    // A rate, an increase or a quantile has data only once a counter moved
    // between two scrapes, so the pool does one more round of every event per
    // poll until Prometheus has scraped them.
    const queries = dashboardExpressions();
    let round = 0;
    let empty: string[] = [];
    await waitFor(
      async () => {
        workRound(bus, round++);
        empty = [];
        for (const { title, expr } of queries) {
          const series = await prometheus!.query(withoutGrafanaVariables(expr));
          // Non-zero: a flat zero would not show that the panel's events reach it.
          if (!series.some((s) => Number.isFinite(Number(s.value[1])) && Number(s.value[1]) !== 0))
            empty.push(`${title}: ${expr} → ${JSON.stringify(series)}`);
        }
        return empty.length === 0;
      },
      30_000,
      () => `no finite, non-zero value from:\n${empty.join('\n')}\n${prometheus!.output()}`,
    );
    expect(queries.length).toBeGreaterThan(25);
    // Grafana runs label_values(selector, label) as a label values query.
    const variables = dashboardVariables();
    expect(variables.map((v) => v.name)).toEqual(['job', 'pool']);
    for (const { name, query } of variables) {
      const [, selector, label] = /^label_values\((.+), (\w+)\)$/.exec(query)!;
      const values = await prometheus!.api<string[]>(
        `/api/v1/label/${label}/values?match[]=${encodeURIComponent(withoutGrafanaVariables(selector!))}`,
      );
      expect(values, name).toEqual(name === 'job' ? ['snakepit'] : ['p1']);
    }
  });
});
