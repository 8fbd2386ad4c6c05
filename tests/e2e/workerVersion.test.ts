import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { isSnakepitError } from '@snakepit/core';
import type { SnakepitError } from '@snakepit/core';
import { PYTHON_PACKAGE_DIR, createPool, startPythonWorker } from '@snakepit/python-bridge';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { codeOf, rejectionOf } from '../support/chaos.js';
import { killRun, processesOfRun, waitFor } from '../support/processes.js';

// A real worker that reports another version, without a test hook in the
// product: `python -m` puts the worker's working directory first on
// sys.path, ahead of the shipped copy on PYTHONPATH, so a `snakepit_worker`
// in `cwd` is the one that runs (the stale copy a user may have left there).
const SHIPPED_VERSION = JSON.parse(
  readFileSync(new URL('../../packages/python-bridge/package.json', import.meta.url), 'utf8'),
) as { version: string };
const [MAJOR, MINOR, PATCH] = SHIPPED_VERSION.version.split('.').map(Number) as [
  number,
  number,
  number,
];
// Another release line (0.x: the next minor; from 1.0: the next major), and a patch release.
const INCOMPATIBLE = MAJOR === 0 ? `0.${MINOR + 1}.0` : `${MAJOR + 1}.0.0`;
const PATCH_RELEASE = `${MAJOR}.${MINOR}.${PATCH + 1}`;

const dirs: string[] = [];
const runIds: string[] = [];
afterEach(async () => {
  for (const runId of runIds.splice(0)) await killRun(runId);
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * A working directory holding a copy of the shipped `snakepit_worker` that
 * says `version` (and speaks `protocol`).
 */
function cwdWithWorkerVersion(version: string, protocol?: number): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'snakepit-stale-')));
  dirs.push(dir);
  const copy = join(dir, 'snakepit_worker');
  cpSync(join(PYTHON_PACKAGE_DIR, 'snakepit_worker'), copy, {
    recursive: true,
    filter: (path) => basename(path) !== '__pycache__',
  });
  const init = join(copy, '__init__.py');
  const source = readFileSync(init, 'utf8');
  expect(source, 'the copy has a __version__ line to change').toMatch(/^__version__ = ".*"$/m);
  const patched = source.replace(/^__version__ = ".*"$/m, `__version__ = "${version}"`);
  writeFileSync(init, patched);
  if (protocol !== undefined) {
    const worker = join(copy, 'worker.py');
    const code = readFileSync(worker, 'utf8');
    expect(code, 'the copy has a PROTOCOL_VERSION line to change').toMatch(
      /^PROTOCOL_VERSION = \d+$/m,
    );
    writeFileSync(
      worker,
      code.replace(/^PROTOCOL_VERSION = \d+$/m, `PROTOCOL_VERSION = ${protocol}`),
    );
  }
  return dir;
}

function newRunId(): string {
  const runId = `version-${randomBytes(4).toString('hex')}`;
  runIds.push(runId);
  return runId;
}

describe('the owner checks the version of the worker it started', () => {
  it('accepts a patch release of its own version, run from the copy in cwd', async () => {
    const cwd = cwdWithWorkerVersion(PATCH_RELEASE);
    const runId = newRunId();
    const worker = await startPythonWorker({ workerId: 'w1', runId, cwd });
    try {
      expect(worker.ready.workerVersion).toBe(PATCH_RELEASE);
      await expect(worker.execute('add', [1, 2])).resolves.toBe(3);
    } finally {
      await worker.stop();
    }
  });

  it('refuses another release line with WORKER_VERSION_MISMATCH, naming both versions, the interpreter and the stale copy', async () => {
    const cwd = cwdWithWorkerVersion(INCOMPATIBLE);
    const runId = newRunId();
    const error = await rejectionOf(startPythonWorker({ workerId: 'w1', runId, cwd }));
    expect(codeOf(error)).toBe('WORKER_VERSION_MISMATCH');
    const { message, details } = error as SnakepitError;
    expect(message).toContain(`snakepit_worker ${INCOMPATIBLE}`);
    expect(message).toContain(`@snakepit/python-bridge ${SHIPPED_VERSION.version}`);
    expect(message).toContain(
      `\`import snakepit_worker\` there finds ${join(cwd, 'snakepit_worker')}`,
    );
    expect(message).toMatch(/Python: \/\S+python/);
    expect(message).toMatch(/remove or rename that stale copy/);
    expect(details).toMatchObject({
      workerId: 'w1',
      incompatibility: 'version',
      workerVersion: INCOMPATIBLE,
      ownerVersion: SHIPPED_VERSION.version,
      workerPackageDir: join(cwd, 'snakepit_worker'),
    });
    // The refused process is stopped before the error reaches the caller.
    await waitFor(() => processesOfRun(runId).length === 0, 5_000, 'the refused worker gone');
  });

  it('refuses a worker of its own version that speaks another control protocol', async () => {
    const cwd = cwdWithWorkerVersion(SHIPPED_VERSION.version, 2);
    const runId = newRunId();
    const error = await rejectionOf(startPythonWorker({ workerId: 'w1', runId, cwd }));
    expect(codeOf(error)).toBe('WORKER_VERSION_MISMATCH');
    expect((error as SnakepitError).message).toContain(
      'speaks control protocol 2, this owner speaks 1',
    );
    expect((error as SnakepitError).details).toMatchObject({
      incompatibility: 'protocol',
      workerProtocol: 2,
      ownerProtocol: 1,
    });
    await waitFor(() => processesOfRun(runId).length === 0, 5_000, 'the refused worker gone');
  });

  it.each(['spawn', 'forkserver'] as const)(
    'fails a pool (%s) whose workers are of another release line',
    async (start) => {
      const cwd = cwdWithWorkerVersion(INCOMPATIBLE);
      const runId = newRunId();
      const starting = createPool({ runId, size: 1, start, cwd, startAttempts: 1 });
      const error = await rejectionOf(starting);
      expect(codeOf(error)).toBe('POOL_STOPPED');
      const cause = (error as Error).cause;
      expect(isSnakepitError(cause, 'WORKER_VERSION_MISMATCH'), String(cause)).toBe(true);
      expect((cause as SnakepitError).details.workerVersion).toBe(INCOMPATIBLE);
      await waitFor(() => processesOfRun(runId).length === 0, 5_000, 'no process of the run left');
    },
  );
});
