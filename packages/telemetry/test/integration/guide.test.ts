import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXECUTE_SPAN_NAME, PYTHON_HANDLER_SPAN_NAME, SNAKEPIT_METRICS } from '../../src/index.js';
import {
  decodeLogsRequest,
  decodeMetricsRequest,
  decodeTraceRequest,
} from '../helpers/decodeOtlp.js';
import { startHttpReceiver } from '../helpers/otlpReceivers.js';
import { freePort } from '../helpers/prometheusServer.js';

// Issue 19's "done when": docs/observability.md followed verbatim in an app
// outside the workspace — its set-up block as app.mjs, the adapter.py of "Your
// spans in Python" beside it, the worker on a Python that has only the
// OpenTelemetry API from pip (the project's .venv) — yields at an OTLP
// receiver: the six seed metrics in the first export, one trace of
// snakepit.execute → snakepit.python.handler → the user's span, and the log
// record the handler wrote, in that span.
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const GUIDE = join(ROOT, 'docs/observability.md');
const VENV_PYTHON = join(ROOT, '.venv/bin/python');
// What the guide's block names, replaced by this test's receiver and a free port.
const GUIDE_ENDPOINT = "'http://otel-collector:4318'";
const GUIDE_PROMETHEUS_PORT = 'port: 9464';
const SEED_METRICS = [
  SNAKEPIT_METRICS.heartbeatSent,
  SNAKEPIT_METRICS.heartbeatReceived,
  SNAKEPIT_METRICS.heartbeatTimeout,
  SNAKEPIT_METRICS.processStarted,
  SNAKEPIT_METRICS.processTerminated,
  SNAKEPIT_METRICS.cleanupCompleted,
].map((metric) => metric.name);

/** The fenced blocks of the guide's section `title` (up to the next heading of its level). */
function blocksOf(markdown: string, title: string, lang: string): string[] {
  const start = markdown.indexOf(`\n${title}\n`);
  expect(start, `docs/observability.md has no "${title}"`).toBeGreaterThanOrEqual(0);
  const level = /^#+/.exec(title)![0];
  const rest = markdown.slice(start + title.length + 2);
  const end = rest.search(new RegExp(`\\n${level} `));
  const text = end === -1 ? rest : rest.slice(0, end);
  return [...text.matchAll(new RegExp('^```' + lang + '\\n([\\s\\S]*?)^```$', 'gm'))].map(
    (m) => m[1]!,
  );
}

/** An app folder outside the workspace whose node_modules holds the packages the guide imports. */
function makeApp(): string {
  const app = mkdtempSync(join(tmpdir(), 'snakepit-guide-'));
  const link = (name: string, target: string) => {
    mkdirSync(dirname(join(app, 'node_modules', name)), { recursive: true });
    symlinkSync(target, join(app, 'node_modules', name), 'dir');
  };
  link('@snakepit/core', join(ROOT, 'packages/core'));
  link('@snakepit/python-bridge', join(ROOT, 'packages/python-bridge'));
  link('@snakepit/telemetry', join(ROOT, 'packages/telemetry'));
  link('@opentelemetry/api', join(ROOT, 'packages/telemetry/node_modules/@opentelemetry/api'));
  return app;
}

function runApp(app: string, env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['app.mjs'], { cwd: app, env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('docs/observability.md, followed verbatim in a fresh app', () => {
  it('exports the six seed metrics, execute → handler → user span, and the correlated log record', async () => {
    const guide = readFileSync(GUIDE, 'utf8');
    const setUp = blocksOf(guide, '## Setting it up', 'ts')[0]!;
    const adapter = blocksOf(guide, '### Your spans in Python', 'python').find((b) =>
      b.startsWith('# adapter.py'),
    );
    expect(setUp).toContain(GUIDE_ENDPOINT);
    expect(setUp).toContain(GUIDE_PROMETHEUS_PORT);
    expect(adapter, 'the guide has an adapter.py block under "Your spans in Python"').toBeDefined();

    const receiver = await startHttpReceiver();
    const app = makeApp();
    try {
      writeFileSync(join(app, 'adapter.py'), adapter!);
      writeFileSync(
        join(app, 'app.mjs'),
        [
          "const token = 'guide-token';",
          setUp
            .replace(GUIDE_ENDPOINT, `'${receiver.endpoint}'`)
            .replace(GUIDE_PROMETHEUS_PORT, `port: ${await freePort()}`),
          // The app's work, then the stop its SIGTERM handler does.
          "console.log('answer', JSON.stringify(await pool.execute('predict', { x: 21 })));",
          "process.kill(process.pid, 'SIGTERM');",
        ].join('\n'),
      );
      const { code, output } = await runApp(app, { ...process.env, SNAKEPIT_PYTHON: VENV_PYTHON });
      expect(code, output).toBe(0);
      expect(output).toContain('answer 42');
    } finally {
      await receiver.close();
      rmSync(app, { recursive: true, force: true });
    }

    const bodies = (signal: 'metrics' | 'traces' | 'logs') =>
      receiver.received.filter((r) => r.signal === signal);
    expect(new Set(receiver.received.map((r) => r.authorization))).toEqual(
      new Set(['Bearer guide-token']),
    );
    // Metrics: the six seed counters are in the first export.
    const first = decodeMetricsRequest(bodies('metrics')[0]!.body).flatMap((r) => r.metrics);
    for (const name of SEED_METRICS) {
      expect(
        first.find((m) => m.name === name),
        name,
      ).toBeDefined();
    }
    // One trace: execute → handler → the user's span, parented across the boundary.
    const spans = bodies('traces').flatMap((r) =>
      decodeTraceRequest(r.body).flatMap((request) => request.spans),
    );
    const execute = spans.find((s) => s.name === EXECUTE_SPAN_NAME)!;
    const handler = spans.find((s) => s.name === PYTHON_HANDLER_SPAN_NAME)!;
    const user = spans.find((s) => s.name === 'model.predict')!;
    expect(execute, spans.map((s) => s.name).join(', ')).toBeDefined();
    expect(handler).toBeDefined();
    expect(user, 'the user span in Python reached the receiver').toBeDefined();
    expect(new Set([execute.traceId, handler.traceId, user.traceId]).size).toBe(1);
    expect(handler.parentSpanId).toBe(execute.spanId);
    expect(user.parentSpanId).toBe(handler.spanId);
    expect(user.startUnixMs).toBeGreaterThanOrEqual(handler.startUnixMs);
    expect(user.endUnixMs).toBeLessThanOrEqual(execute.endUnixMs);
    // The log record written inside the user's span carries its trace and span.
    const records = bodies('logs').flatMap((r) =>
      decodeLogsRequest(r.body).flatMap((request) => request.records),
    );
    const logged = records.find((r) => String(r.body).includes('predicting 21'));
    expect(logged, JSON.stringify(records.map((r) => r.body))).toBeDefined();
    expect([logged!.traceId, logged!.spanId]).toEqual([user.traceId, user.spanId]);
  }, 90_000);
});
