import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSnakepitError } from '@snakepit/core';
import { describe, expect, it } from 'vitest';
import { resolveRunConfig, toPoolOptions } from '../../src/config/resolveRunConfig.js';

function configFile(name: string, content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'snakepit-cli-unit-')), name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

async function problemsOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => {
      throw new Error('expected INVALID_OPTIONS');
    },
    (e: unknown) => e,
  );
  expect(isSnakepitError(error, 'INVALID_OPTIONS')).toBe(true);
  return (error as Error).message;
}

describe('resolveRunConfig', () => {
  it('applies the defaults, with minReady following workers', async () => {
    const config = await resolveRunConfig({ env: {} });
    expect(config).toMatchObject({
      workers: 2,
      minReady: 2,
      adapter: 'snakepit_worker.demo_adapter',
      host: '127.0.0.1',
      statusPort: undefined,
      otlp: undefined,
      heartbeat: { intervalMs: 2000, timeoutMs: 2000, maxMissed: 3 },
      watchdog: false,
      logFormat: 'pretty',
    });
    expect(new Set(Object.values(config.sources))).toEqual(new Set(['default']));
  });

  it('takes a flag over the file, the file over the environment', async () => {
    const file = configFile('c.json', { workers: 3, statusPort: 8000, watchdog: true });
    const config = await resolveRunConfig({
      flags: { config: file, workers: '4' },
      env: { SNAKEPIT_WORKERS: '5', SNAKEPIT_STATUS_PORT: '9000', SNAKEPIT_LOG_FORMAT: 'json' },
    });
    expect(config).toMatchObject({
      workers: 4,
      statusPort: 8000,
      watchdog: true,
      logFormat: 'json',
    });
    expect(config.sources).toMatchObject({
      workers: 'flag',
      statusPort: 'file',
      logFormat: 'env',
      host: 'default',
    });
  });

  it('finds the file through SNAKEPIT_CONFIG and resolves its paths against its directory', async () => {
    const file = configFile('c.json', { pythonPath: ['lib', '/abs'], python: './venv/bin/python' });
    const config = await resolveRunConfig({ env: { SNAKEPIT_CONFIG: file }, cwd: '/elsewhere' });
    expect(config.configFile).toBe(file);
    expect(config.pythonPath).toEqual([join(file, '..', 'lib'), '/abs']);
    expect(config.python).toBe(join(file, '..', 'venv', 'bin', 'python'));
  });

  it('resolves flag paths against cwd and splits colon-separated lists', async () => {
    const config = await resolveRunConfig({
      flags: { pythonPath: 'a:/b' },
      env: { SNAKEPIT_PYTHON: 'bin/python3' },
      cwd: '/work',
    });
    expect(config.pythonPath).toEqual(['/work/a', '/b']);
    expect(config.python).toBe('/work/bin/python3');
  });

  it('names flags, variables and file keys in one error listing every problem', async () => {
    const file = configFile('bad.json', { workers: 0, logFormat: 'xml', extra: 1 });
    const message = await problemsOf(
      resolveRunConfig({
        flags: { config: file, statusPort: '70000', heartbeatMaxMissed: 'x' },
        env: { SNAKEPIT_WATCHDOG: 'perhaps', SNAKEPIT_OTLP_ENDPOINT: 'ftp://collector' },
      }),
    );
    expect(message).toContain('Expected `--status-port` to be ≤ 65535, got `70000`');
    expect(message).toContain('Expected `--heartbeat-max-missed` to be a number, got `"x"`');
    expect(message).toContain(`Invalid config file ${file}`);
    expect(message).toContain('Expected `workers` to be ≥ 1, got `0`');
    expect(message).toContain('Expected `logFormat` to be one of `pretty`, `json`, got `"xml"`');
    expect(message).toContain('Unknown option: `extra`');
    expect(message).toContain('Expected `SNAKEPIT_WATCHDOG` to be a boolean, got `"perhaps"`');
    expect(message).toContain(
      'Expected `SNAKEPIT_OTLP_ENDPOINT` to be an http:// or https:// URL, got `"ftp://collector"`',
    );
  });

  it('checks minReady against workers, naming where minReady came from', async () => {
    const message = await problemsOf(
      resolveRunConfig({ flags: { workers: '2' }, env: { SNAKEPIT_MIN_READY: '3' } }),
    );
    expect(message).toContain(
      'Expected `minReady` (from SNAKEPIT_MIN_READY) to be ≤ `workers` (2), got `3`',
    );
  });

  it('refuses pool keys that have a top-level key, and validates the others', async () => {
    const file = configFile('c.json', { pool: { size: 3, placement: 'shared', killAfterMs: -1 } });
    const message = await problemsOf(resolveRunConfig({ flags: { config: file }, env: {} }));
    expect(message).toContain('Unknown options in `pool`: `size`, `placement`');
    expect(message).toContain('Expected `pool.killAfterMs` to be ≥ 0, got `-1`');
  });

  it('reports a missing file and a file of an unknown kind', async () => {
    expect(
      await problemsOf(resolveRunConfig({ flags: { config: '/nonexistent/c.json' }, env: {} })),
    ).toContain('Config file /nonexistent/c.json: The file does not exist');
    const yaml = configFile('c.yaml', 'workers: 2');
    expect(await problemsOf(resolveRunConfig({ flags: { config: yaml }, env: {} }))).toContain(
      'Expected the config file to end in .json, .js, .mjs or .cjs',
    );
  });

  it('loads a module whose default export is a (async) function', async () => {
    const file = configFile('c.mjs', 'export default async () => ({ workers: 7 });\n');
    expect((await resolveRunConfig({ flags: { config: file }, env: {} })).workers).toBe(7);
  });

  it('turns OTLP on with an endpoint, or with OTEL_EXPORTER_OTLP_ENDPOINT alone', async () => {
    expect(
      (await resolveRunConfig({ flags: { otlpEndpoint: 'http://c:4318' }, env: {} })).otlp,
    ).toEqual({ endpoint: 'http://c:4318', protocol: 'http/protobuf' });
    expect(
      (
        await resolveRunConfig({
          env: { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4317', SNAKEPIT_OTLP_PROTOCOL: 'grpc' },
        })
      ).otlp,
    ).toEqual({ endpoint: undefined, protocol: 'grpc' });
  });

  it('maps to createPool options, the file pool section underneath', async () => {
    const file = configFile('c.json', {
      workers: 3,
      heartbeatIntervalMs: 500,
      pool: { shutdownTimeoutMs: 1000 },
    });
    const config = await resolveRunConfig({
      flags: { config: file, watchdog: true },
      env: { SNAKEPIT_CGROUP: 'off', SNAKEPIT_PLACEMENT: 'shared' },
    });
    expect(toPoolOptions(config, 'run-1')).toEqual({
      shutdownTimeoutMs: 1000,
      runId: 'run-1',
      size: 3,
      adapter: 'snakepit_worker.demo_adapter',
      pythonPath: [],
      watchdog: true,
      cgroup: 'off',
      placement: 'shared',
      transport: 'framed',
      heartbeat: { intervalMs: 500, timeoutMs: 2000, maxMissed: 3 },
    });
  });
});
