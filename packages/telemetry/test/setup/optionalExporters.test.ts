import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
};

const SCRIPT = `
import { setupTelemetry } from '@snakepit/telemetry/setup';
const results = [];
for (const options of JSON.parse(process.argv[2])) {
  try {
    const sdk = await setupTelemetry({ ...options, registerGlobal: false });
    await sdk.shutdown();
    results.push({ ok: true });
  } catch (error) {
    results.push({ code: error.code, message: error.message, details: error.details });
  }
}
console.log(JSON.stringify(results));
`;

// An app's node_modules as npm lays it out for `npm install @snakepit/telemetry`:
// the built package (copied, so that its imports resolve here and not in the
// workspace), its dependencies and required peers, and none of the optional peers.
let app: string;
beforeAll(() => {
  app = mkdtempSync(join(tmpdir(), 'snakepit-telemetry-app-'));
  const installed = join(app, 'node_modules', '@snakepit', 'telemetry');
  mkdirSync(installed, { recursive: true });
  cpSync(join(PACKAGE_ROOT, 'dist'), join(installed, 'dist'), { recursive: true });
  cpSync(join(PACKAGE_ROOT, 'package.json'), join(installed, 'package.json'));
  const required = [
    ...Object.keys(manifest.dependencies),
    ...Object.keys(manifest.peerDependencies).filter(
      (name) => manifest.peerDependenciesMeta[name]?.optional !== true,
    ),
  ];
  for (const name of required) {
    const link = join(app, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(realpathSync(join(PACKAGE_ROOT, 'node_modules', name)), link, 'dir');
  }
  writeFileSync(join(app, 'main.mjs'), SCRIPT);
});
afterAll(() => rmSync(app, { recursive: true, force: true }));

type Result = { ok: true } | { code: string; message: string; details: Record<string, unknown> };

function runSetups(options: readonly object[]): Result[] {
  const out = execFileSync(process.execPath, ['main.mjs', JSON.stringify(options)], {
    cwd: app,
    encoding: 'utf8',
    // pnpm points NODE_PATH at its whole store; an app's install has no such thing.
    env: { ...process.env, NODE_PATH: '' },
  });
  return JSON.parse(out) as Result[];
}

const spec = (name: string) => `${name}@${manifest.peerDependencies[name]}`;

describe('an install without the optional exporters', () => {
  it('serves Prometheus, and says what to install for each OTLP protocol', () => {
    const grpcMetrics = spec('@opentelemetry/exporter-metrics-otlp-grpc');
    const grpcTraces = spec('@opentelemetry/exporter-trace-otlp-grpc');
    const grpcLogs = spec('@opentelemetry/exporter-logs-otlp-grpc');
    const protoTraces = spec('@opentelemetry/exporter-trace-otlp-proto');
    const protoLogs = spec('@opentelemetry/exporter-logs-otlp-proto');
    const [prometheus, grpc, http] = runSetups([
      { prometheus: { serve: false } },
      { otlp: { protocol: 'grpc' } },
      { otlp: { metrics: false } },
    ]);
    expect(prometheus).toEqual({ ok: true });
    expect(grpc).toMatchObject({
      code: 'TELEMETRY_EXPORTER_UNAVAILABLE',
      details: {
        reason: 'not-installed',
        requestedBy: "`otlp.protocol: 'grpc'`",
        command: `npm install ${grpcMetrics} ${grpcTraces} ${grpcLogs}`,
      },
    });
    expect(grpc).toHaveProperty(
      'message',
      expect.stringContaining(
        `\`otlp.protocol: 'grpc'\` needs ${grpcMetrics}, ${grpcTraces} and ${grpcLogs}, optional peer dependencies`,
      ),
    );
    // Only what the options ask for: no metric exporter with `metrics: false`.
    expect(http).toMatchObject({
      code: 'TELEMETRY_EXPORTER_UNAVAILABLE',
      details: {
        requestedBy: "`otlp` (with `protocol: 'http/protobuf'`, the default)",
        command: `npm install ${protoTraces} ${protoLogs}`,
      },
    });
  });
});
