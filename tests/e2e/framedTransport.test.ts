import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PythonError, isSnakepitError } from '@snakepit/core';
import { startPythonWorker } from '@snakepit/python-bridge';
import type { PythonWorker } from '@snakepit/python-bridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStart, usePools } from '../support/pools.js';
import { commOf, killRun, processesOfRun } from '../support/processes.js';

const TRACEPARENT = `00-${'a1'.repeat(16)}-${'b2'.repeat(8)}-01`;

/** Whether `pid` has grpcio's native module mapped (it imported grpc). */
function hasLoadedGrpc(pid: number): boolean {
  return readFileSync(`/proc/${pid}/maps`, 'utf8').includes('cygrpc');
}

// The framed data plane (transport 'framed') through a real Python worker:
// the same results and typed errors as gRPC, calls multiplexed on one
// connection, and no grpc in the worker.
describe('the framed transport, one worker', () => {
  const runId = `framed-${randomBytes(4).toString('hex')}`;
  let worker: PythonWorker;

  beforeAll(async () => {
    worker = await startPythonWorker({
      ...{ workerId: 'w1', runId, transport: 'framed', maxConcurrency: 4 },
      maxPayloadBytes: 64 * 1024,
    });
  });
  afterAll(() => killRun(runId));

  it('announces a socket path instead of a gRPC address, and never imports grpc', () => {
    expect(worker.ready.dataAddress).toMatch(/^\/.+\/w1\.[0-9a-f]{8}\.sock$/);
    expect(worker.ready.grpcAddress).toBe('');
    expect(worker.ready.grpcVersion).toBe('');
    expect(hasLoadedGrpc(worker.pid)).toBe(false);
  });

  it('executes, streams, and passes bytes and trace context through', async () => {
    await expect(worker.execute('echo', { text: 'héllo', n: [1, 2] })).resolves.toEqual({
      text: 'héllo',
      n: [1, 2],
    });
    const bytes = Uint8Array.from([0, 1, 2, 255]);
    expect([...((await worker.execute('echo_bytes', bytes)) as Uint8Array)]).toEqual([
      0, 1, 2, 255,
    ]);
    const items: unknown[] = [];
    for await (const item of worker.stream('count', { n: 4 })) items.push(item);
    expect(items).toEqual([0, 1, 2, 3]);
    await expect(
      worker.execute('trace_context', undefined, { traceparent: TRACEPARENT }),
    ).resolves.toEqual({ traceparent: TRACEPARENT });
  });

  it('multiplexes concurrent calls on one connection, each answered to its caller', async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => worker.execute('add', { a: i, b: 1000 })),
    );
    expect(results).toEqual(Array.from({ length: 200 }, (_, i) => i + 1000));
    const slow = worker.execute('sleep', { seconds: 0.3 });
    await expect(worker.execute('add', [1, 2])).resolves.toBe(3); // not behind `slow`
    await expect(slow).resolves.toBe(0.3);
  });

  it('gives the same typed errors as gRPC, and keeps serving', async () => {
    const error = await worker.execute('raise_error', { message: 'bad' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PythonError);
    expect((error as PythonError).pythonType).toBe('builtins.ValueError');
    const unknown = await worker.execute('no_such_command').catch((e: unknown) => e);
    expect(isSnakepitError(unknown, 'UNKNOWN_COMMAND')).toBe(true);
    const timeout = await worker
      .execute('sleep', { seconds: 2 }, { timeoutMs: 100 })
      .catch((e: unknown) => e);
    expect(isSnakepitError(timeout, 'EXECUTE_TIMEOUT')).toBe(true);
    const controller = new AbortController();
    const abortable = worker.execute('sleep', { seconds: 2 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(isSnakepitError(await abortable.catch((e: unknown) => e), 'ABORTED')).toBe(true);
    const tooBig = await worker
      .execute('echo_bytes', new Uint8Array(65 * 1024))
      .catch((e: unknown) => e);
    expect(isSnakepitError(tooBig, 'PAYLOAD_TOO_LARGE')).toBe(true);
    const resultTooBig = await worker.execute('blob', { kib: 100 }).catch((e: unknown) => e);
    expect(isSnakepitError(resultTooBig, 'PAYLOAD_TOO_LARGE')).toBe(true);
    await expect(worker.execute('add', [2, 2])).resolves.toBe(4);
  });

  it('closes a stream the consumer leaves early, and serves on', async () => {
    for await (const item of worker.stream('count', { n: 1000 })) {
      if (item === 2) break;
    }
    await expect(worker.execute('add', [1, 1])).resolves.toBe(2);
  });

  it('fails calls in flight and later ones with WORKER_CRASHED when the worker dies', async () => {
    const inFlight = worker.execute('sleep', { seconds: 5 }).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 100));
    process.kill(worker.pid, 'SIGKILL');
    expect(isSnakepitError(await inFlight, 'WORKER_CRASHED')).toBe(true);
    await worker.exited;
    const later = await worker.execute('add', [1, 1]).catch((e: unknown) => e);
    expect(isSnakepitError(later, 'WORKER_CRASHED')).toBe(true);
  });
});

describe('the framed transport in a pool', () => {
  const startPool = usePools('framed-pool');

  it('serves through the pool, and neither its workers nor its fork server import grpc', async () => {
    const pool = await startPool({ size: 2, transport: 'framed', ...testStart() });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => pool.execute('add', [i, 1])),
    );
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // The workers, their guardians and, with `start: 'forkserver'`, the fork server.
    const pids = processesOfRun(pool.runId);
    expect(pids.length).toBeGreaterThanOrEqual(2);
    if (testStart().start === 'forkserver') {
      expect(pids.some((pid) => commOf(pid) === 'snakepit-zygote')).toBe(true);
    }
    for (const pid of pids) expect(hasLoadedGrpc(pid)).toBe(false);
  });
});
