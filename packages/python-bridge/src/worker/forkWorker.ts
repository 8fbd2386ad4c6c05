import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { constants } from 'node:os';
import { SnakepitError } from '@snakepit/core/runtime';
import {
  ManagedProcess,
  createRunDir,
  createWorkerCgroup,
  readProcStat,
  removeCgroup,
  verifiedSource,
} from '@snakepit/core/process';
import type { Clock } from '@snakepit/core/runtime';

/** Where a worker is forked from: the pool's fork server (see `ForkServer`). */
export interface ForkServerAddress {
  /** The fork server's Unix socket. */
  readonly socket: string;
  /** The fork server's token: in a forked worker's environment (it is inherited). */
  readonly token: string;
}

/** What {@link forkWorker} needs: the worker's command line and environment. */
export interface ForkRequest {
  readonly forkServer: ForkServerAddress;
  readonly runId: string;
  readonly workerId: string;
  /** `python -m snakepit_worker`'s options (after the module name). */
  readonly argv: readonly string[];
  /** Variables the worker adds to the fork server's environment. */
  readonly env: Readonly<Record<string, string>>;
  readonly runCgroup?: string | undefined;
  /** Gives up (WORKER_START_TIMEOUT) when the fork server does not answer by then. */
  readonly deadlineMs: number;
  readonly clock: Clock;
}

// While the fork server (re)starts its socket refuses connections: retry.
const RETRY_MS = 50;

/**
 * Asks the pool's fork server for a worker: connects to its socket, sends the
 * request, reads the forked pid, and returns the worker as a
 * {@link ManagedProcess} whose control channel is that connection. The pid is
 * verified (start time) at once; from then on every signal re-checks it, the
 * exit is seen through procfs and the status the fork server records when it
 * reaps the worker.
 *
 * @throws {SnakepitError} `SPAWN_FAILED` when the fork server refuses, or
 *   `WORKER_START_TIMEOUT` when it cannot be reached before the deadline.
 */
export async function forkWorker(request: ForkRequest): Promise<ManagedProcess> {
  const { clock, workerId } = request;
  const startedAtMs = clock.now();
  const name = `${workerId}.${randomBytes(4).toString('hex')}`;
  const exitFile = join(createRunDir(request.runId), `${name}.exit`);
  let cgroup: string | undefined;
  if (request.runCgroup !== undefined) cgroup = createWorkerCgroup(request.runCgroup, name);
  const env = {
    ...request.env,
    ...(cgroup === undefined ? {} : { SNAKEPIT_WORKER_CGROUP: cgroup }),
  };
  let socket: Socket;
  let pid: number;
  try {
    socket = await connectWithRetry(request.forkServer.socket, request.deadlineMs, clock);
    socket.write(`${JSON.stringify({ argv: request.argv, env, exitFile })}\n`);
    pid = await readPid(socket, workerId);
  } catch (error) {
    if (cgroup !== undefined) void removeCgroup(cgroup);
    throw error;
  }
  const stat = readProcStat(pid);
  const source = verifiedSource(
    // A worker that died already has no start time: it can never be signalled.
    { pid, startTimeTicks: stat?.startTimeTicks ?? -1 },
    { clock, readExit: () => readExitFile(exitFile) },
  );
  // The control channel ends when the worker does (or forks that hold it end).
  socket.once('close', () => source.check());
  return new ManagedProcess(source, socket, request.forkServer.token, startedAtMs, clock, cgroup);
}

async function connectWithRetry(path: string, deadlineMs: number, clock: Clock): Promise<Socket> {
  for (;;) {
    try {
      return await new Promise<Socket>((resolve, reject) => {
        const socket = connect(path);
        socket.once('connect', () => {
          socket.removeListener('error', reject);
          resolve(socket);
        });
        socket.once('error', reject);
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const isRetryable = code === 'ECONNREFUSED' || code === 'ENOENT';
      if (!isRetryable || clock.now() + RETRY_MS > deadlineMs) {
        throw new SnakepitError(
          isRetryable ? 'WORKER_START_TIMEOUT' : 'SPAWN_FAILED',
          `Cannot reach the fork server at ${path}: ${(error as Error).message}`,
          { cause: error },
        );
      }
      await new Promise((resolve) => clock.setTimeout(() => resolve(undefined), RETRY_MS));
    }
  }
}

/** Reads the `<pid>\n` (or `error …\n`) line; leaves what follows for the control channel. */
function readPid(socket: Socket, workerId: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let buffered = Buffer.alloc(0);
    const fail = (message: string): void => {
      cleanup();
      socket.destroy();
      reject(
        new SnakepitError('SPAWN_FAILED', `Fork server could not fork ${workerId}: ${message}`),
      );
    };
    const onData = (chunk: Buffer): void => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf(0x0a);
      if (end < 0) return buffered.length > 1024 ? fail('no answer line') : undefined;
      const line = buffered.subarray(0, end).toString();
      const rest = buffered.subarray(end + 1);
      cleanup();
      socket.pause();
      if (rest.length > 0) socket.unshift(rest);
      const pid = Number(line);
      if (!Number.isInteger(pid) || pid <= 1) return fail(line.replace(/^error /, ''));
      resolve(pid);
    };
    const onClose = (): void => fail('the connection closed before an answer');
    const cleanup = (): void => {
      socket.removeListener('data', onData);
      socket.removeListener('close', onClose);
      socket.removeListener('error', onClose);
    };
    socket.on('data', onData);
    socket.once('close', onClose);
    socket.once('error', onClose);
  });
}

function readExitFile(
  path: string,
): { exitCode: number | undefined; signal: NodeJS.Signals | undefined } | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  rmSync(path, { force: true });
  try {
    const record = JSON.parse(text) as { exitCode?: number; signal?: number };
    const signal = Object.entries(constants.signals).find(([, n]) => n === record.signal)?.[0];
    return { exitCode: record.exitCode, signal: signal as NodeJS.Signals | undefined };
  } catch {
    return { exitCode: undefined, signal: undefined };
  }
}
