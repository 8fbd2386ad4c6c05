// A `snakepit run` that cannot start says what to check, by the kind of
// failure: only an adapter that does not import points at the adapter
// (issue 20, defect 10: a busy port, a bad --host, a missing cwd and a socket
// path over 107 bytes all used to say "Check the adapter …").
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cleanUp, runCli } from './cli.js';

beforeAll(buildCli, 120_000);
afterEach(cleanUp);

const ADAPTER_HINT = 'Check the adapter';

async function busyPort(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port };
}

describe('snakepit run that cannot start', () => {
  it('a busy status port: names the port and the option, not the adapter', async () => {
    const { server, port } = await busyPort();
    try {
      const result = await runCli(['run', '--workers', '1', '--status-port', String(port)]);
      expect(result.code).not.toBe(0);
      expect(result.output).toContain(`Could not listen on 127.0.0.1:${port}: the port is in use`);
      expect(result.output).toContain('Correct the option named above');
      expect(result.output).not.toContain(ADAPTER_HINT);
    } finally {
      server.close();
    }
  });

  it('a missing cwd: INVALID_OPTIONS naming `cwd`, not the interpreter or the adapter', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'snakepit-cwd-'));
    const config = join(dir, 'snakepit.config.json');
    writeFileSync(config, JSON.stringify({ workers: 1, pool: { cwd: join(dir, 'missing') } }));
    const result = await runCli(['run', '--config', config]);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(
      `Expected \`cwd\` to be an existing directory, got \`${JSON.stringify(join(dir, 'missing'))}\``,
    );
    expect(result.output).not.toContain(ADAPTER_HINT);
  });

  it('a socket path over 107 bytes: says the worker could not listen, not the adapter', async () => {
    const deep = join(mkdtempSync(join(tmpdir(), 'snakepit-long-')), 'd'.repeat(90));
    mkdirSync(deep, { mode: 0o700 });
    const result = await runCli(['run', '--workers', '1'], { SNAKEPIT_RUNTIME_DIR: deep });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('Unix socket paths must be at most 107 bytes');
    expect(result.output).toContain('could not listen on its socket');
    expect(result.output).not.toContain(ADAPTER_HINT);
  });
});
