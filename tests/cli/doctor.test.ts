import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildCli, cleanUp, runCli } from './cli.js';

beforeAll(buildCli, 120_000);
afterEach(cleanUp);

// An executable that answers core's interpreter probe (and any other call) with `facts`.
function fakePython(facts: Record<string, string>): string {
  const path = join(mkdtempSync(join(tmpdir(), 'snakepit-fakepy-')), 'python3');
  writeFileSync(path, `#!/bin/sh\necho '${JSON.stringify(facts)}'\n`);
  chmodSync(path, 0o755);
  return path;
}

describe('snakepit doctor', () => {
  it('reports a Python without protobuf, with the command that fixes it, and exits 1', async () => {
    const python = fakePython({
      python: '3.11.0',
      error: 'ModuleNotFoundError: No module named google',
    });
    const result = await runCli(['doctor', '--python', python]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ protobuf: .*No module named google/);
    expect(result.stdout).toContain(`fix: \`${python} -m pip install protobuf\``);
    // ✓ on a maintained line, ! (a warning, not a failure) past its end of life.
    const nodeLine = new RegExp(`[✓!] Node\\.js: ${process.versions.node.replaceAll('.', '\\.')}`);
    expect(result.stdout).toMatch(nodeLine);
    expect(result.stdout).toMatch(/runtime directory: .*writable/);
    expect(result.stdout).toMatch(/cgroup v2 delegation: /);
  });

  it('needs grpcio only with --transport grpc', async () => {
    const python = fakePython({
      python: '3.11.0',
      protobuf: '4.21.12',
      grpcError: 'ModuleNotFoundError: No module named grpc',
    });
    const framed = await runCli(['doctor', '--python', python]);
    expect(framed.stdout).toMatch(/✓ grpcio: not installed: not needed with transport framed/);
    const grpc = await runCli(['doctor', '--python', python, '--transport', 'grpc']);
    expect(grpc.code).toBe(1);
    expect(grpc.stdout).toMatch(/✗ grpcio\/protobuf: .*cannot import grpc/);
    expect(grpc.stdout).toContain(`fix: \`${python} -m pip install grpcio protobuf\``);
  });

  it('passes on a set-up machine, checking the adapter import too', async () => {
    const result = await runCli(['doctor', '--json']);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      results: { name: string; status: string }[];
    };
    expect(report.results.filter((r) => r.status === 'fail')).toEqual([]);
    expect(report.ok).toBe(true);
    expect(result.code).toBe(0);
    expect(report.results.map((r) => r.name)).toEqual(
      expect.arrayContaining(['Python', 'grpcio', 'protobuf', 'adapter', 'runtime directory']),
    );
  });

  it('fails on an adapter that does not import, naming it', async () => {
    const result = await runCli(['doctor', '--adapter', 'no_such_adapter_module']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /✗ adapter: no_such_adapter_module does not import: .*No module named 'no_such_adapter_module'/,
    );
  });
  it('warns, without failing, when grpcio or protobuf is outside the tested range', async () => {
    const tested = JSON.parse(
      readFileSync(
        join(ROOT, 'packages/python-bridge/python/snakepit_worker/tested_versions.json'),
        'utf8',
      ),
    ) as { grpcio: { newest: string } };
    const python = fakePython({ python: '3.11.0', grpc: '1.999.0', protobuf: '3.20.0' });
    const result = await runCli(['doctor', '--python', python]);
    expect(result.stdout).toContain(
      `! grpcio: grpcio 1.999.0 is newer than the newest tested release (${tested.grpcio.newest})`,
    );
    expect(result.stdout).toMatch(/! protobuf: protobuf 3\.20\.0 is older than the oldest tested/);
    expect(result.stdout).toContain(`fix: Install a tested release (\`${python} -m pip install`);
    expect(result.code).toBe(0);
  });

  it("says gRPC's fork support is off in workers, and warns when the pool's env turns it on", async () => {
    const ok = await runCli(['doctor']);
    expect(ok.stdout).toMatch(/✓ gRPC fork support: off in workers/);
    const dir = mkdtempSync(join(tmpdir(), 'snakepit-doctor-'));
    const config = join(dir, 'snakepit.config.json');
    writeFileSync(config, JSON.stringify({ pool: { env: { GRPC_ENABLE_FORK_SUPPORT: 'true' } } }));
    const result = await runCli(['doctor', '--config', config]);
    expect(result.stdout).toMatch(
      /! gRPC fork support: the pool's `env` sets GRPC_ENABLE_FORK_SUPPORT=true: .*SIGSEGV/,
    );
    expect(result.stdout).toContain('fix: Remove GRPC_ENABLE_FORK_SUPPORT from `pool.env`');
    expect(result.code).toBe(0);
  });
});
