import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SNAKEPIT_METRICS } from '../../src/index.js';
import {
  ALERTS_FILE,
  ALERTS_TEST_FILE,
  DASHBOARD_FILE,
  dashboardExpressions,
  prometheusName,
} from '../helpers/exposition.js';
import { grafanaSchemaErrors } from '../helpers/grafanaSchema.js';
import { PROMTOOL_BIN } from '../helpers/prometheusServer.js';

function promtool(args: string[], cwd?: string): string {
  try {
    return execFileSync(PROMTOOL_BIN, args, { encoding: 'utf8', cwd, stdio: 'pipe' });
  } catch (error) {
    const { stdout, stderr, message } = error as {
      stdout?: string;
      stderr?: string;
      message: string;
    };
    throw new Error(
      `${PROMTOOL_BIN} ${args.join(' ')} failed (Debian package \`prometheus\`): ${message}\n${stdout ?? ''}${stderr ?? ''}`,
    );
  }
}

describe('dashboards/snakepit-alerts.yaml', () => {
  it('passes `promtool check rules`', () => {
    expect(promtool(['check', 'rules', ALERTS_FILE])).toContain('SUCCESS: 10 rules found');
  });

  it('passes its promtool unit tests: each alert fires on its symptom, none on a healthy pool', () => {
    expect(promtool(['test', 'rules', ALERTS_TEST_FILE], dirname(ALERTS_TEST_FILE))).toContain(
      'SUCCESS',
    );
  });

  it('gives every alert a severity, a summary, a runbook line and a runbook URL', () => {
    const alerts = readFileSync(ALERTS_FILE, 'utf8')
      .split(/\n\s+- alert: /)
      .slice(1);
    expect(alerts).toHaveLength(10);
    for (const alert of alerts) {
      const name = alert.split('\n')[0]!;
      expect(alert, name).toMatch(/severity: (warning|critical)/);
      expect(alert, name).toMatch(/summary: ['"].+['"]/);
      expect(alert, name).toMatch(/runbook: ['"].{40,}['"]/);
      expect(alert, name).toMatch(
        new RegExp(`runbook_url: ['"]docs/observability\\.md#${name.toLowerCase()}['"]`),
      );
    }
  });
});

describe('dashboards/snakepit-grafana.json', () => {
  const dashboard = JSON.parse(readFileSync(DASHBOARD_FILE, 'utf8')) as {
    uid: string;
    __inputs: { name: string }[];
    panels: {
      id: number;
      type: string;
      title: string;
      gridPos: { x: number; w: number };
      datasource?: { uid: string };
    }[];
  };

  it("satisfies Grafana's dashboard schema (@grafana/schema), which a broken copy does not", () => {
    const json = readFileSync(DASHBOARD_FILE, 'utf8');
    // The same dashboard with one mistake of each kind the check must catch:
    // a misspelt key, and values outside the dashboard's, a threshold's, the
    // stat panel's and the timeseries panel's enums.
    type Panel = {
      type: string;
      gridPos: object;
      options: { colorMode: string };
      fieldConfig: { defaults: { thresholds: { mode: string }; custom: { drawStyle: string } } };
    };
    const broken = JSON.parse(json) as { graphTooltip: number; panels: Panel[] };
    const stat = broken.panels.find((p) => p.type === 'stat')!;
    const series = broken.panels.find((p) => p.type === 'timeseries')!;
    broken.graphTooltip = 7;
    stat.gridPos = { ...stat.gridPos, width: 4 };
    stat.fieldConfig.defaults.thresholds.mode = 'absolut';
    stat.options.colorMode = 'rainbow';
    series.fieldConfig.defaults.custom.drawStyle = 'dots';
    const [errors, brokenErrors] = grafanaSchemaErrors([
      JSON.parse(json) as Record<string, unknown>,
      broken,
    ]);
    expect(errors).toEqual([]);
    expect(brokenErrors!.map((e) => e.split('\n')[0])).toEqual([
      '"graphTooltip": 7,',
      '"width": 4',
      '"mode": "absolut",',
      '"colorMode": "rainbow",',
      '"drawStyle": "dots",',
    ]);
  });

  it('is importable: a datasource input, unique panel ids, panels inside the 24-column grid', () => {
    expect(dashboard.uid).toBe('snakepit-pools');
    expect(dashboard.__inputs.map((i) => i.name)).toEqual(['DS_PROMETHEUS']);
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of dashboard.panels) {
      expect(panel.gridPos.x + panel.gridPos.w, panel.title).toBeLessThanOrEqual(24);
      if (panel.type !== 'row') expect(panel.datasource?.uid, panel.title).toBe('${DS_PROMETHEUS}');
    }
  });

  it('covers worker health, heartbeats, lifecycle, failures, cleanup and queueing', () => {
    const titles = dashboard.panels.map((p) => p.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Workers by state',
        'Heartbeat round trip',
        'Lifecycle timeline',
        'Failure rates',
        'Cleanup duration by method',
        'Queue depth by pool',
      ]),
    );
    expect(dashboardExpressions().length).toBeGreaterThan(25);
  });
});

describe('docs/observability.md', () => {
  const guide = readFileSync(new URL('../../../../docs/observability.md', import.meta.url), 'utf8');

  it('documents every instrument with its unit and its Prometheus name', () => {
    for (const def of Object.values(SNAKEPIT_METRICS)) {
      const row = guide.split('\n').find((line) => line.startsWith(`| \`${def.name}\` |`));
      expect(row, def.name).toBeDefined();
      expect(row, def.name).toContain(`| \`${def.unit}\` |`);
      expect(row, def.name).toContain(`\`${prometheusName(def)}\``);
    }
  });

  it('has a section per alert rule, where its runbook_url points', () => {
    const alerts = [...readFileSync(ALERTS_FILE, 'utf8').matchAll(/- alert: (\w+)/g)].map(
      (m) => m[1],
    );
    for (const alert of alerts) expect(guide, alert).toContain(`\n### ${alert}\n`);
  });
});
