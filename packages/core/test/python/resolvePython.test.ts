import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvePython } from '../../src/python/resolvePython.js';
import { isSnakepitError } from '../../src/errors/SnakepitError.js';

// An executable that answers the probe like a Python without grpc would.
function fakePythonWithoutGrpc(): string {
  const dir = mkdtempSync(join(tmpdir(), 'snakepit-fakepy-'));
  const path = join(dir, 'python3');
  writeFileSync(
    path,
    `#!/bin/sh\necho '{"python": "3.11.0", "protobuf": "4.21.12", "grpcError": "ModuleNotFoundError: No module named grpc"}'\n`,
  );
  chmodSync(path, 0o755);
  return path;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: Error) => error,
  );
}

describe('resolvePython', () => {
  it('finds an interpreter with grpc and protobuf on this machine (set-up installs one)', async () => {
    const python = await resolvePython();
    expect(python.path).toMatch(/^\//);
    expect(python.grpcVersion).toMatch(/^\d+\.\d+/);
    expect(python.protobufVersion).toMatch(/^\d+\.\d+/);
  });

  it('fails with PYTHON_NOT_FOUND naming a missing explicit interpreter', async () => {
    const error = await rejection(resolvePython({ python: '/nonexistent/python3' }));
    expect(isSnakepitError(error, 'PYTHON_NOT_FOUND')).toBe(true);
    expect(error.message).toContain('/nonexistent/python3: not found');
  });

  it('says why an explicit path that exists is no interpreter: not executable, a directory', async () => {
    const notExecutable = await rejection(resolvePython({ python: '/etc/passwd' }));
    expect(isSnakepitError(notExecutable, 'PYTHON_NOT_FOUND')).toBe(true);
    expect(notExecutable.message).toContain('/etc/passwd: exists but is not executable');
    const directory = await rejection(resolvePython({ python: '/usr/bin' }));
    expect(directory.message).toContain('/usr/bin: is a directory, not an interpreter');
  });

  it('fails with PYTHON_DEPS_MISSING and the pip command when grpc cannot be imported', async () => {
    const fake = fakePythonWithoutGrpc();
    const error = await rejection(resolvePython({ python: fake }));
    expect(isSnakepitError(error, 'PYTHON_DEPS_MISSING')).toBe(true);
    expect(error.message).toContain(`${fake} -m pip install grpcio protobuf`);
    expect(error.message).toContain('python3-grpcio');
  });

  it('accepts an interpreter without grpc when it is not required (the framed transport)', async () => {
    const fake = fakePythonWithoutGrpc();
    const python = await resolvePython({ python: fake, requireGrpc: false });
    expect(python).toMatchObject({ path: fake, grpcVersion: '', protobufVersion: '4.21.12' });
  });

  it('honours SNAKEPIT_PYTHON without falling back to another interpreter', async () => {
    const fake = fakePythonWithoutGrpc();
    const error = await rejection(
      resolvePython({ env: { ...process.env, SNAKEPIT_PYTHON: fake } }),
    );
    expect(isSnakepitError(error, 'PYTHON_DEPS_MISSING')).toBe(true);
    expect((error as { details?: { tried?: string[] } }).details?.tried).toEqual([fake]);
  });
});
