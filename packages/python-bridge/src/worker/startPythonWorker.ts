import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { EventBus, invalidOption, realClock } from '@snakepit/core';
import { parseOptions } from '@snakepit/core/options';
import { resolvePython } from '@snakepit/core/process';
import { defaultMaxPayloadBytes } from '../client/messageLimit.js';
import { PythonWorker } from './PythonWorker.js';
import { pythonWorkerOptionsSchema } from './PythonWorkerOptions.js';
import type { PythonWorkerOptions, ResolvedPythonWorkerOptions } from './PythonWorkerOptions.js';
import { startWorkerProcess } from './startWorkerProcess.js';
import type { WorkerLaunch } from './startWorkerProcess.js';

const processRunId = randomBytes(6).toString('hex');

/**
 * Starts one Python worker driven from the calling thread: validates the
 * options, resolves the interpreter, spawns it and waits for `Ready`.
 *
 * @throws {SnakepitError} `INVALID_OPTIONS`, `PYTHON_NOT_FOUND`,
 *   `PYTHON_DEPS_MISSING`, `SPAWN_FAILED`, `WORKER_START_FAILED`, `WORKER_START_TIMEOUT`
 *   or `WORKER_VERSION_MISMATCH`.
 */
export async function startPythonWorker(options: PythonWorkerOptions): Promise<PythonWorker> {
  const { bus = new EventBus(), clock = realClock, ...rest } = options;
  const resolved = parseOptions(pythonWorkerOptionsSchema, rest, 'Python worker');
  const launch = await toWorkerLaunch(resolved, resolved.runId ?? processRunId);
  return new PythonWorker(await startWorkerProcess(launch, { bus, clock }), launch.maxPayloadBytes);
}

/**
 * Resolves validated options into a launch description (finds the interpreter).
 *
 * @throws {SnakepitError} `INVALID_OPTIONS` when `cwd` is not an existing
 *   directory (spawn would blame the interpreter: "ENOENT"), and what
 *   `resolvePython` throws.
 */
export async function toWorkerLaunch(
  resolved: ResolvedPythonWorkerOptions,
  runId: string,
): Promise<WorkerLaunch> {
  if (resolved.cwd !== undefined && !isDirectory(resolved.cwd)) {
    throw invalidOption('cwd', resolved.cwd, 'an existing directory');
  }
  const python = await resolvePython({
    ...(resolved.python === undefined ? {} : { python: resolved.python }),
    // A framed worker never imports grpc: an interpreter with only protobuf serves it.
    requireGrpc: resolved.transport !== 'framed',
  });
  const { python: _python, runId: _runId, ...launch } = resolved;
  const maxPayloadBytes = resolved.maxPayloadBytes ?? defaultMaxPayloadBytes(resolved.transport);
  return { ...launch, runId, python: python.path, maxPayloadBytes };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
