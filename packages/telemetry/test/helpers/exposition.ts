import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MetricDefinition } from '../../src/index.js';

export const DASHBOARD_FILE = fileURLToPath(
  new URL('../../dashboards/snakepit-grafana.json', import.meta.url),
);
export const ALERTS_FILE = fileURLToPath(
  new URL('../../dashboards/snakepit-alerts.yaml', import.meta.url),
);
export const ALERTS_TEST_FILE = fileURLToPath(
  new URL('../dashboards/snakepit-alerts.promtest.yaml', import.meta.url),
);

/** What a Prometheus text exposition declares: families by type, and every label name. */
export function parseExposition(text: string): {
  families: Map<string, string>;
  labels: Set<string>;
} {
  const families = new Map<string, string>();
  const labels = new Set<string>();
  for (const line of text.split('\n')) {
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) families.set(type[1]!, type[2]!);
    const sample = /^[a-zA-Z_:][\w:]*\{(.*)\} /.exec(line);
    if (sample) for (const [, name] of sample[1]!.matchAll(/([a-zA-Z_]\w*)="/g)) labels.add(name!);
  }
  return { families, labels };
}

/** The series names Prometheus queries can use for a family of `type`. */
export function seriesNames(family: string, type: string): string[] {
  return type === 'histogram' ? [`${family}_bucket`, `${family}_sum`, `${family}_count`] : [family];
}

/** The family name exporter-prometheus gives an instrument: `.` → `_`, `_total` on counters, no unit suffix. */
export function prometheusName(def: MetricDefinition): string {
  return def.name.replace(/\./g, '_') + (def.kind === 'observable_counter' ? '_total' : '');
}

/** Every PromQL expression of the Grafana dashboard (targets and annotations). */
export function dashboardExpressions(): { title: string; expr: string }[] {
  const dashboard = JSON.parse(readFileSync(DASHBOARD_FILE, 'utf8')) as {
    panels: { title: string; targets?: { expr: string }[] }[];
    annotations: { list: { name: string; expr?: string }[] };
  };
  return [
    ...dashboard.panels.flatMap((p) =>
      (p.targets ?? []).map((t) => ({ title: p.title, expr: t.expr })),
    ),
    ...dashboard.annotations.list.flatMap((a) => (a.expr ? [{ title: a.name, expr: a.expr }] : [])),
  ];
}

/** The Grafana dashboard's template variables and their queries (`label_values(…)`). */
export function dashboardVariables(): { name: string; query: string }[] {
  const dashboard = JSON.parse(readFileSync(DASHBOARD_FILE, 'utf8')) as {
    templating: { list: { name: string; query: { query: string } }[] };
  };
  return dashboard.templating.list.map((v) => ({ name: v.name, query: v.query.query }));
}

/** A dashboard expression with Grafana's variables replaced for a direct query. */
export function withoutGrafanaVariables(expr: string): string {
  return expr
    .replaceAll('$__rate_interval', '1m')
    .replaceAll('$job', '.*')
    .replaceAll('$pool', '.*');
}
