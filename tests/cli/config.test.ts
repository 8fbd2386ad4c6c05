import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildCli, cleanUp, runCli } from './cli.js';

beforeAll(buildCli, 120_000);
afterEach(cleanUp);

function writeTemp(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'snakepit-config-')), name);
  writeFileSync(path, content);
  return path;
}

// Variables of the developer's shell must not leak into these checks.
const CLEAN_ENV = Object.fromEntries(
  Object.keys(process.env)
    .filter((name) => /^(SNAKEPIT_|OTEL_)/.test(name) && name !== 'SNAKEPIT_RUNTIME_DIR')
    .map((name) => [name, '']),
);

describe('snakepit run configuration', () => {
  it('exits 2 naming the file, the key, the value and the expectation for a bad config file', async () => {
    const file = writeTemp('snakepit.json', JSON.stringify({ workers: -1 }));
    const result = await runCli(['run', '--config', file], CLEAN_ENV);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Invalid config file ${file}`);
    expect(result.stderr).toContain('Expected `workers` to be ≥ 1, got `-1`');
  });

  it('reports every problem of every source at once: flags, file (nested pool keys) and variables', async () => {
    const file = writeTemp(
      'snakepit.json',
      JSON.stringify({ wrokers: 2, pool: { startTimeoutMs: 5 } }),
    );
    const result = await runCli(['run', '--config', file, '--workers', 'many'], {
      ...CLEAN_ENV,
      SNAKEPIT_HEARTBEAT_INTERVAL_MS: '10',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Expected `--workers` to be a number, got `"many"`');
    expect(result.stderr).toContain('Unknown option: `wrokers`');
    expect(result.stderr).toContain('Expected `pool.startTimeoutMs` to be ≥ 100, got `5`');
    expect(result.stderr).toContain(
      'Expected `SNAKEPIT_HEARTBEAT_INTERVAL_MS` to be ≥ 100, got `10`',
    );
  });

  it('exits 2 for a file that is not JSON, and for an unknown flag', async () => {
    const file = writeTemp('snakepit.json', '{ workers: 2 }');
    const broken = await runCli(['run', '--config', file], CLEAN_ENV);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(`Config file ${file}: Not valid JSON`);
    const unknown = await runCli(['run', '--wrokers', '2'], CLEAN_ENV);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--wrokers'");
  });

  it('takes flags over the file, the file over SNAKEPIT_* variables, variables over defaults', async () => {
    const file = writeTemp(
      'snakepit.json',
      JSON.stringify({ workers: 3, heartbeatIntervalMs: 700, pythonPath: ['py'] }),
    );
    const result = await runCli(['run', '--print-config', '--config', file, '--workers', '4'], {
      ...CLEAN_ENV,
      SNAKEPIT_WORKERS: '5',
      SNAKEPIT_HEARTBEAT_INTERVAL_MS: '900',
      SNAKEPIT_HEARTBEAT_MAX_MISSED: '7',
    });
    expect(result.code).toBe(0);
    const config = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(config).toMatchObject({
      workers: 4,
      minReady: 4,
      heartbeat: { intervalMs: 700, timeoutMs: 2000, maxMissed: 7 },
      pythonPath: [join(file, '..', 'py')],
      logFormat: 'pretty',
      sources: {
        workers: 'flag',
        heartbeatIntervalMs: 'file',
        heartbeatMaxMissed: 'env',
        heartbeatTimeoutMs: 'default',
      },
    });
  });

  it('loads a JavaScript module exporting defineConfig({…})', async () => {
    const index = pathToFileURL(join(ROOT, 'packages', 'cli', 'dist', 'index.js')).href;
    const file = writeTemp(
      'snakepit.config.mjs',
      `import { defineConfig } from '${index}';\nexport default defineConfig({ workers: 6, logFormat: 'json', pool: { shutdownTimeoutMs: 9000 } });\n`,
    );
    const result = await runCli(['run', '--print-config', '--config', file], CLEAN_ENV);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      configFile: file,
      workers: 6,
      logFormat: 'json',
      pool: { shutdownTimeoutMs: 9000 },
    });
  });

  it('exits 2 naming the file when the default export is a function that throws', async () => {
    const file = writeTemp(
      'snakepit.config.mjs',
      `export default () => { throw new Error('no secrets in this environment'); };\n`,
    );
    const result = await runCli(['run', '--print-config', '--config', file], CLEAN_ENV);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`Config file ${file}: Its default export, a function, threw`);
    expect(result.stderr).toContain('no secrets in this environment');
  });
});
