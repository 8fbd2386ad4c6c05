import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PythonError, isSnakepitError } from '@snakepit/core';
import { resolvePython } from '@snakepit/core/process';
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

  it('lets a stream run only a window ahead of a slow consumer, and delivers it all', async () => {
    const items = worker.stream('count_tracked', { n: 5_000 });
    await expect(items.next()).resolves.toEqual({ value: 0, done: false });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // 32 items of window (FramedWorkerClient), and the one the generator made ahead.
    expect(await worker.execute('count_made')).toBeLessThanOrEqual(33);
    let taken = 1;
    for await (const item of items) expect(item).toBe(taken++);
    expect(taken).toBe(5_000);
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

const MIB = 1024 * 1024;

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** What the demo adapter's `pattern_bytes` returns: `size` bytes cycling through 0..255. */
function pattern(size: number): Uint8Array {
  const cycle = Uint8Array.from({ length: 256 }, (_, i) => i);
  const data = new Uint8Array(size);
  for (let offset = 0; offset < size; offset += 256) {
    data.set(cycle.subarray(0, Math.min(256, size - offset)), offset);
  }
  return data;
}

// Payloads over 64 KiB travel in parts after their frame: up to 256 MiB by
// default, into one buffer on each side.
describe('the framed transport, large payloads', () => {
  const runId = `framed-large-${randomBytes(4).toString('hex')}`;
  let worker: PythonWorker;
  let limited: PythonWorker;
  const big = randomBytes(64 * MIB);

  beforeAll(async () => {
    [worker, limited] = await Promise.all([
      startPythonWorker({ workerId: 'w1', runId, transport: 'framed', maxConcurrency: 4 }),
      startPythonWorker({
        ...{ workerId: 'w2', runId, transport: 'framed' },
        maxPayloadBytes: 2 * MIB,
      }),
    ]);
  });
  afterAll(() => killRun(runId));

  it('hands a 64 MiB argument to Python as the buffer it was received into', async () => {
    await expect(worker.execute('describe_bytes', big)).resolves.toEqual({
      type: 'bytearray', // the receive buffer itself: `bytes` would be a copy
      bytes: 64 * MIB,
      sha256: sha256(big),
    });
  });

  it('returns a 64 MiB result intact, as a Uint8Array, and round-trips one', async () => {
    const result = await worker.execute('pattern_bytes', { size: 64 * MIB + 3 });
    expect(result).toBeInstanceOf(Uint8Array);
    expect((result as Uint8Array).length).toBe(64 * MIB + 3);
    expect(sha256(result as Uint8Array)).toBe(sha256(pattern(64 * MIB + 3)));
    expect(sha256((await worker.execute('echo_bytes', big)) as Uint8Array)).toBe(sha256(big));
  });

  it('carries large JSON and large stream items both ways', async () => {
    const text = 'é'.repeat(MIB); // 2 MiB of UTF-8
    await expect(worker.execute('echo', { text })).resolves.toEqual({ text });
    const items: string[] = [];
    for await (const item of worker.stream('pattern_bytes', { size: 3 * MIB, count: 3 })) {
      items.push(sha256(item as Uint8Array));
    }
    expect(items).toEqual(Array.from({ length: 3 }, () => sha256(pattern(3 * MIB))));
  });

  it('answers a small call while a large one is in transit on the same connection', async () => {
    const order: string[] = [];
    const large = worker.execute('echo_bytes', big).then(() => order.push('large'));
    await new Promise((resolve) => setImmediate(resolve));
    await worker.execute('add', [1, 2]).then(() => order.push('small'));
    await large;
    expect(order).toEqual(['small', 'large']);
  });

  it('gives up a call mid-transfer (timeout) and serves on', async () => {
    const late = await worker.execute('echo_bytes', big, { timeoutMs: 5 }).catch((e: unknown) => e);
    expect(isSnakepitError(late, 'EXECUTE_TIMEOUT')).toBe(true);
    await expect(worker.execute('describe_bytes', big.subarray(0, 3 * MIB))).resolves.toEqual(
      expect.objectContaining({ bytes: 3 * MIB, sha256: sha256(big.subarray(0, 3 * MIB)) }),
    );
  });

  it('refuses payloads over maxPayloadBytes both ways with PAYLOAD_TOO_LARGE, and serves on', async () => {
    const tooBig = await limited
      .execute('echo_bytes', big.subarray(0, 3 * MIB))
      .catch((e: unknown) => e);
    expect(isSnakepitError(tooBig, 'PAYLOAD_TOO_LARGE')).toBe(true);
    const resultTooBig = await limited
      .execute('pattern_bytes', { size: 3 * MIB })
      .catch((e: unknown) => e);
    expect(isSnakepitError(resultTooBig, 'PAYLOAD_TOO_LARGE')).toBe(true);
    // Just under the limit, and over 64 KiB: in parts, both ways.
    const under = big.subarray(0, 2 * MIB - 1024);
    expect(sha256((await limited.execute('echo_bytes', under)) as Uint8Array)).toBe(sha256(under));
    await expect(limited.execute('add', [2, 2])).resolves.toBe(4);
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

/**
 * An interpreter whose `import grpc` fails, as in an app's Python without
 * grpcio: the machine's own, started by a wrapper that `exec`s it (no fork)
 * with a `grpc` package first on its path that refuses to import.
 */
async function pythonWithoutGrpc(): Promise<string> {
  const real = (await resolvePython()).path;
  const dir = mkdtempSync(join(tmpdir(), 'snakepit-nogrpc-'));
  mkdirSync(join(dir, 'shadow', 'grpc'), { recursive: true });
  writeFileSync(
    join(dir, 'shadow', 'grpc', '__init__.py'),
    'raise ModuleNotFoundError("No module named \'grpc\' (hidden by the test)")\n',
  );
  const wrapper = join(dir, 'python3');
  writeFileSync(
    wrapper,
    `#!/bin/sh\nPYTHONPATH="${join(dir, 'shadow')}\${PYTHONPATH:+:$PYTHONPATH}" exec "${real}" "$@"\n`,
  );
  chmodSync(wrapper, 0o755);
  return wrapper;
}

describe('the framed transport with a Python that has no grpcio', () => {
  const startPool = usePools('framed-nogrpc');

  it('serves a framed pool; a gRPC pool on it fails with PYTHON_DEPS_MISSING naming grpcio', async () => {
    const python = await pythonWithoutGrpc();
    const pool = await startPool({ size: 1, transport: 'framed', python, ...testStart() });
    await expect(pool.execute('add', [2, 3])).resolves.toBe(5);
    const error = await startPool({ size: 1, transport: 'grpc', python }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isSnakepitError(error) && error.code).toBe('PYTHON_DEPS_MISSING');
    expect((error as Error).message).toContain(`${python} -m pip install grpcio protobuf`);
  });
});
