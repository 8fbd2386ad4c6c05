import { isSnakepitError } from '@snakepit/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toPoolOptions } from '../src/config/resolveRunConfig.js';
import type { ResolvedRunConfig } from '../src/config/resolveRunConfig.js';
import { createProgram } from '../src/program.js';

/** `snakepit run <args> --print-config`, in-process: the configuration it prints. */
async function printedConfig(args: readonly string[]): Promise<ResolvedRunConfig> {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  const result = { exitCode: -1 };
  await createProgram(result).parseAsync(['run', ...args, '--print-config'], { from: 'user' });
  vi.restoreAllMocks();
  expect(result.exitCode).toBe(0);
  return JSON.parse(chunks.join('')) as ResolvedRunConfig;
}

describe('snakepit run --placement', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('reaches the pool options, over the environment', async () => {
    vi.stubEnv('SNAKEPIT_PLACEMENT', 'inline');
    const config = await printedConfig(['--workers', '100', '--placement', 'dedicated']);
    vi.unstubAllEnvs();
    expect(config.sources.placement).toBe('flag');
    expect(toPoolOptions(config, 'run-1')).toMatchObject({ size: 100, placement: 'dedicated' });
  });

  it("defaults to 'auto', which createPool resolves by pool size", async () => {
    const config = await printedConfig([]);
    expect(config.sources.placement).toBe('default');
    expect(toPoolOptions(config, 'run-1').placement).toBe('auto');
  });

  it('refuses an unknown placement, naming the flag and the choices', async () => {
    const error: unknown = await createProgram({ exitCode: -1 })
      .parseAsync(['run', '--placement', 'threads', '--print-config'], { from: 'user' })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(isSnakepitError(error, 'INVALID_OPTIONS')).toBe(true);
    expect((error as Error).message).toContain(
      'Expected `--placement` to be one of `auto`, `dedicated`, `shared`, `inline`, got `"threads"`',
    );
  });
});

describe('snakepit run --transport', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it("defaults to 'framed'; the flag and SNAKEPIT_TRANSPORT choose gRPC", async () => {
    const byDefault = await printedConfig([]);
    expect(byDefault.sources.transport).toBe('default');
    expect(toPoolOptions(byDefault, 'run-1').transport).toBe('framed');
    expect(toPoolOptions(await printedConfig(['--transport', 'grpc']), 'run-1').transport).toBe(
      'grpc',
    );
    vi.stubEnv('SNAKEPIT_TRANSPORT', 'grpc');
    const fromEnv = await printedConfig([]);
    expect(fromEnv.sources.transport).toBe('env');
    expect(toPoolOptions(fromEnv, 'run-1').transport).toBe('grpc');
  });

  it('refuses an unknown transport, naming the flag and the choices', async () => {
    const error: unknown = await createProgram({ exitCode: -1 })
      .parseAsync(['run', '--transport', 'http', '--print-config'], { from: 'user' })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(isSnakepitError(error, 'INVALID_OPTIONS')).toBe(true);
    expect((error as Error).message).toContain(
      'Expected `--transport` to be one of `framed`, `grpc`, got `"http"`',
    );
  });
});
