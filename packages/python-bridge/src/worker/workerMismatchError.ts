import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { SnakepitError } from '@snakepit/core/runtime';
import { PROTOCOL_VERSION, bridgeVersion, releaseLine } from './workerCompatibility.js';
import type { WorkerIncompatibility } from './workerCompatibility.js';

/** What {@link workerMismatchError} needs to know about the refused worker. */
export interface RefusedWorker {
  readonly workerId: string;
  readonly incompatibility: WorkerIncompatibility;
  readonly ready: { readonly protocolVersion: number; readonly workerVersion: string };
  /** The interpreter that ran it. */
  readonly python: string;
  /** Its environment and working directory, to find where `snakepit_worker` came from. */
  readonly env: Readonly<Record<string, string>>;
  readonly cwd?: string | undefined;
  /** The `python/` directory shipped with this package. */
  readonly shippedDir: string;
}

const LOCATE = 'import os, snakepit_worker; print(os.path.dirname(snakepit_worker.__file__))';
const LOCATE_TIMEOUT_MS = 5_000;

/**
 * The `WORKER_VERSION_MISMATCH` error for a worker refused after its `Ready`:
 * both versions, the interpreter, where its `snakepit_worker` was imported
 * from (asked of the same interpreter, environment and working directory:
 * only on this failure path), and what to do.
 */
export async function workerMismatchError(refused: RefusedWorker): Promise<SnakepitError> {
  const { workerId, incompatibility, ready, python } = refused;
  const ownerVersion = bridgeVersion();
  const packageDir = await locateWorkerPackage(refused);
  const isShipped = packageDir === join(refused.shippedDir, 'snakepit_worker');
  const message = [
    headline(refused, ownerVersion),
    packageDir === undefined
      ? `Python: ${python} (where its snakepit_worker comes from could not be found out).`
      : `Python: ${python}; \`import snakepit_worker\` there finds ${packageDir}, ` +
        (isShipped
          ? 'the copy shipped with @snakepit/python-bridge.'
          : `ahead of the copy shipped with @snakepit/python-bridge (${refused.shippedDir}).`),
    isShipped ? FIX_SHIPPED : fixStaleCopy(ownerVersion, ready.workerVersion),
  ].join('\n');
  return new SnakepitError('WORKER_VERSION_MISMATCH', message, {
    details: {
      ...{ workerId, incompatibility, workerVersion: ready.workerVersion, ownerVersion },
      ...{ workerProtocol: ready.protocolVersion, ownerProtocol: PROTOCOL_VERSION, python },
      ...(packageDir === undefined ? {} : { workerPackageDir: packageDir }),
    },
  });
}

const FIX_SHIPPED =
  'Fix: the copy shipped with @snakepit/python-bridge disagrees with the package itself: reinstall it ' +
  '(in its repository: `node scripts/sync-python-version.mjs`).';

function headline(
  { workerId, incompatibility, ready }: RefusedWorker,
  ownerVersion: string,
): string {
  const workerVersion = ready.workerVersion || '(no version)';
  return incompatibility === 'protocol'
    ? `Worker ${workerId} speaks control protocol ${ready.protocolVersion}, this owner speaks ` +
        `${PROTOCOL_VERSION} (snakepit_worker ${workerVersion}, @snakepit/python-bridge ${ownerVersion}).`
    : `Worker ${workerId} runs snakepit_worker ${workerVersion}, which @snakepit/python-bridge ` +
        `${ownerVersion} cannot drive: it needs ${expectedLine(ownerVersion)} ` +
        '(the same major version; below 1.0, the same minor).';
}

function fixStaleCopy(ownerVersion: string, workerVersion: string): string {
  return (
    'Fix: remove or rename that stale copy (a `snakepit_worker` directory in the ' +
    "worker's cwd comes first on its sys.path), or replace it with snakepit-worker " +
    `${expectedLine(ownerVersion)}, or use the @snakepit/python-bridge release that ships ` +
    `snakepit_worker ${workerVersion || '(no version)'}.`
  );
}

function expectedLine(ownerVersion: string): string {
  const line = releaseLine(ownerVersion);
  return line === undefined ? ownerVersion : `${line}.x`;
}

/** The directory `import snakepit_worker` finds for the worker's interpreter, env and cwd. */
function locateWorkerPackage(refused: RefusedWorker): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(
      refused.python,
      ['-c', LOCATE],
      {
        env: { ...process.env, ...refused.env },
        ...(refused.cwd === undefined ? {} : { cwd: refused.cwd }),
        timeout: LOCATE_TIMEOUT_MS,
        encoding: 'utf8',
      },
      (error, stdout) => {
        const dir = stdout.trim();
        resolve(error || dir === '' ? undefined : dir);
      },
    );
  });
}
