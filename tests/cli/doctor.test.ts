import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cleanUp, runCli } from './cli.js';

beforeAll(buildCli, 120_000);
afterEach(cleanUp);

// An executable that answers core's interpreter probe like a Python without grpc.
function fakePythonWithoutGrpc(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'snakepit-fakepy-')), 'python3');
  writeFileSync(
    path,
    `#!/bin/sh\necho '{"python": "3.11.0", "error": "ModuleNotFoundError: No module named grpc"}'\n`,
  );
  chmodSync(path, 0o755);
  return path;
}

describe('snakepit doctor', () => {
  it('reports a Python without grpc, with the command that fixes it, and exits 1', async () => {
    const python = fakePythonWithoutGrpc();
    const result = await runCli(['doctor', '--python', python]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ grpcio\/protobuf: .*No module named grpc/);
    expect(result.stdout).toContain(`fix: \`${python} -m pip install grpcio protobuf\``);
    expect(result.stdout).toMatch(/✓ Node\.js: /);
    expect(result.stdout).toMatch(/runtime directory: .*writable/);
    expect(result.stdout).toMatch(/cgroup v2 delegation: /);
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
});
