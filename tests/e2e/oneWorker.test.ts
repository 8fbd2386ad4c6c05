import { randomBytes } from 'node:crypto';
import { EventBus, PythonError, isSnakepitError } from '@snakepit/core';
import type { SnakepitEventName } from '@snakepit/core';
import { startPythonWorker } from '@snakepit/python-bridge';
import type { PythonWorker } from '@snakepit/python-bridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testTransport } from '../support/pools.js';
import { killRun, processesOfRun, waitFor, workersOfRun } from '../support/processes.js';

// The first thin slice through every layer: Node spawns a real Python worker,
// receives Ready over fd 3, exchanges Ping/Pong, calls Execute on a Unix
// socket (the suite's transport: framed by default, gRPC with
// SNAKEPIT_TEST_TRANSPORT=grpc), stops it, and nothing is left behind.
describe('one real Python worker, end to end', () => {
  const runId = `e2e-${randomBytes(4).toString('hex')}`;
  const bus = new EventBus();
  const events: SnakepitEventName[] = [];
  bus.onAny((name) => events.push(name));
  let worker: PythonWorker;

  beforeAll(async () => {
    worker = await startPythonWorker({ workerId: 'w1', runId, bus, ...testTransport() });
  });
  afterAll(() => killRun(runId));

  it('announces itself in Ready with its pid, address and versions', () => {
    expect(worker.ready.pid).toBe(worker.pid);
    if (testTransport().transport === 'grpc') {
      expect(worker.ready.grpcAddress).toMatch(/^unix:\/\/\/.+\/w1\.[0-9a-f]{8}\.sock$/);
    } else {
      expect(worker.ready.dataAddress).toMatch(/^\/.+\/w1\.[0-9a-f]{8}\.sock$/);
    }
    expect(worker.ready.protocolVersion).toBe(1);
    expect(worker.ready.commands).toEqual(expect.arrayContaining(['echo', 'add', 'raise_error']));
    expect(workersOfRun(runId)).toEqual([worker.pid]);
    expect(events).toContain('snakepit.worker.process.started');
  });

  it('answers Ping with Pong over the control channel', async () => {
    const latencies = await Promise.all([worker.ping(), worker.ping(), worker.ping()]);
    for (const latency of latencies) expect(latency).toBeGreaterThanOrEqual(0);
  });

  it('executes commands and returns their results', async () => {
    await expect(worker.execute('echo', { text: 'héllo', n: [1, 2] })).resolves.toEqual({
      text: 'héllo',
      n: [1, 2],
    });
    await expect(worker.execute('add', { a: 2, b: 3 })).resolves.toBe(5);
    await expect(worker.execute('add', [40, 2])).resolves.toBe(42);
  });

  it('passes raw bytes through untouched', async () => {
    const bytes = Uint8Array.from([0, 1, 2, 255]);
    const result = await worker.execute('echo_bytes', bytes);
    expect(result).toBeInstanceOf(Uint8Array);
    expect([...(result as Uint8Array)]).toEqual([0, 1, 2, 255]);
  });

  it('turns a Python exception into a PythonError with type and traceback, and keeps serving', async () => {
    const error = await worker
      .execute('raise_error', { message: 'bad input' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PythonError);
    expect((error as PythonError).pythonType).toBe('builtins.ValueError');
    expect((error as PythonError).message).toContain('bad input');
    expect((error as PythonError).pythonTraceback).toContain('Traceback');
    await expect(worker.execute('add', { a: 1, b: 1 })).resolves.toBe(2);
  });

  it('rejects an unknown command and unserialisable arguments with typed errors', async () => {
    const unknown = await worker.execute('no_such_command').catch((e: unknown) => e);
    expect(isSnakepitError(unknown, 'UNKNOWN_COMMAND')).toBe(true);
    expect((unknown as Error).message).toContain('echo');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const unserialisable = await worker.execute('echo', cyclic).catch((e: unknown) => e);
    expect(isSnakepitError(unserialisable, 'SERIALIZATION_FAILED')).toBe(true);
  });

  it('fails a call past its timeout with EXECUTE_TIMEOUT', async () => {
    const error = await worker
      .execute('sleep', { seconds: 2 }, { timeoutMs: 100 })
      .catch((e: unknown) => e);
    expect(isSnakepitError(error, 'EXECUTE_TIMEOUT')).toBe(true);
  });

  it('stops gracefully, emits the lifecycle events, and leaves no process behind', async () => {
    const record = await worker.stop();
    expect(record.method).toBe('graceful');
    expect(record.exitCode).toBe(0);
    await worker.stop(); // idempotent
    await waitFor(() => processesOfRun(runId).length === 0, 5_000, 'no process of the run left');
    expect(events).toEqual(
      expect.arrayContaining([
        'snakepit.worker.process.terminated',
        'snakepit.worker.cleanup.completed',
      ]),
    );
  });
});

describe('start failures', () => {
  const runId = `e2e-${randomBytes(4).toString('hex')}`;
  afterAll(() => killRun(runId));

  it('reports an adapter that fails to import as WORKER_START_FAILED with the Python traceback', async () => {
    const error = await startPythonWorker({
      workerId: 'bad',
      runId,
      adapter: 'no_such_adapter_module',
    }).catch((e: unknown) => e);
    expect(isSnakepitError(error, 'WORKER_START_FAILED')).toBe(true);
    expect((error as Error).message).toContain('ModuleNotFoundError');
    // The worker's group (its guardian) was SIGKILLed when its exit was seen; on a
    // loaded machine the kernel may take a moment to finish them off.
    await waitFor(() => processesOfRun(runId).length === 0, 5_000, 'nothing of the run left');
  });

  it('rejects invalid options naming the option', async () => {
    const error = await startPythonWorker({ workerId: 'w', startTimeoutMs: -5 }).catch(
      (e: unknown) => e,
    );
    expect(isSnakepitError(error, 'INVALID_OPTIONS')).toBe(true);
    expect((error as Error).message).toContain('Expected `startTimeoutMs` to be ≥ 100, got `-5`');
  });
});
