// Baselines the benchmarks compare Snakepit with: a bare nice-grpc client on a
// worker's socket, a JSON-lines-over-stdio Python process, a raw byte echo
// over a socketpair on fd 3, a plain spawned socket server and a bare grpcio
// server (the peers are in echo_peer.py).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PEER_SCRIPT = fileURLToPath(new URL('./echo_peer.py', import.meta.url));

/**
 * nice-grpc, the very copy the python-bridge uses (bench/ does not depend on
 * it directly; resolving it from the bridge keeps one module instance).
 */
export async function loadNiceGrpc() {
  const require = createRequire(import.meta.resolve('@snakepit/python-bridge'));
  const mod = await import(pathToFileURL(require.resolve('nice-grpc')).href);
  return mod.default ?? mod;
}

/**
 * A bare nice-grpc client on one worker: no pool, no router, no error
 * mapping; JSON encoded here. `execute(args)` runs `echo`; `health()` the Health RPC.
 */
export async function openRawGrpcClient(grpcAddress) {
  const [{ createChannel, createClient }, { WorkerServiceDefinition }] = await Promise.all([
    loadNiceGrpc(),
    import('@snakepit/proto'),
  ]);
  const channel = createChannel(grpcAddress);
  const client = createClient(WorkerServiceDefinition, channel);
  return {
    async execute(command, args) {
      const response = await client.execute({
        command,
        payload: Buffer.from(JSON.stringify(args)),
        contentType: 'application/json',
      });
      if (response.error) throw new Error(`${response.error.type}: ${response.error.message}`);
      const data = response.result.data;
      return JSON.parse(
        Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8'),
      );
    },
    health: () => client.health({}),
    close: () => channel.close(),
  };
}

function waitExit(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Ends a peer: EOF first, SIGKILL after 2 s. Resolves once it has exited. */
async function stopPeer(child) {
  const exited = waitExit(child);
  const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
  await exited;
  clearTimeout(timer);
}

/**
 * A persistent Python process speaking JSON lines on stdin/stdout, as
 * python-shell does. `call(command, args)` may be pipelined (replies are matched by id).
 */
export async function startJsonLinesPeer(python) {
  const child = spawn(python, [PEER_SCRIPT, 'jsonl'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const pending = new Map();
  let nextId = 1;
  createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
    const reply = JSON.parse(line);
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.error) waiter?.reject(new Error(reply.error));
    else waiter?.resolve(reply.result);
  });
  const call = (command, args) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.stdin.write(`${JSON.stringify({ id, command, args })}\n`);
    });
  await call('echo', { hello: 1 });
  return {
    pid: child.pid,
    call,
    stop: () => {
      child.stdin.end();
      return stopPeer(child);
    },
  };
}

/**
 * A Python process echoing raw bytes on fd 3 (a Unix socketpair, like the
 * control channel). `roundTrip(buffer)` sends and resolves when as many bytes came back.
 */
export async function startSocketEchoPeer(python) {
  const child = spawn(python, [PEER_SCRIPT, 'fd3'], {
    stdio: ['ignore', 'inherit', 'inherit', 'pipe'],
  });
  const socket = child.stdio[3];
  let waiter;
  let received = 0;
  socket.on('data', (chunk) => {
    received += chunk.length;
    if (waiter && received >= waiter.bytes) {
      const { resolve } = waiter;
      waiter = undefined;
      resolve();
    }
  });
  const roundTrip = (buffer) =>
    new Promise((resolve) => {
      received = 0;
      waiter = { bytes: buffer.length, resolve };
      socket.write(buffer);
    });
  await roundTrip(Buffer.from('warm'));
  return {
    pid: child.pid,
    roundTrip,
    stop: () => {
      socket.destroy();
      return stopPeer(child);
    },
  };
}

/** Resolves once `check()` is true, polling every 10 ms; rejects after `timeoutMs`. */
async function until(check, what, timeoutMs = 10_000) {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`${what} not reached in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Ends a signal-only peer: SIGTERM, SIGKILL after 2 s; resolves once it has exited. */
async function terminatePeer(child) {
  const exited = waitExit(child);
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
  await exited;
  clearTimeout(timer);
}

/**
 * A plain `child_process.spawn` of a Python server answering JSON lines on a
 * Unix socket at `socketPath`: no pipe, no signal, nothing ties its life to
 * ours. `call(command, args)` may be pipelined; `stop()` sends SIGTERM.
 */
export async function startPlainSocketPeer(python, socketPath) {
  const child = spawn(python, [PEER_SCRIPT, 'sock', socketPath], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let socket;
  await until(
    () =>
      new Promise((resolve) => {
        const attempt = connect(socketPath);
        attempt.once('connect', () => {
          socket = attempt;
          resolve(true);
        });
        attempt.once('error', () => resolve(false));
      }),
    `python sock peer listening on ${socketPath}`,
  );
  const pending = new Map();
  let nextId = 1;
  createInterface({ input: socket, crlfDelay: Infinity }).on('line', (line) => {
    const reply = JSON.parse(line);
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.error) waiter?.reject(new Error(reply.error));
    else waiter?.resolve(reply.result);
  });
  socket.on('error', () => {});
  const call = (command, args) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      socket.write(`${JSON.stringify({ id, command, args })}\n`);
    });
  await call('echo', { hello: 1 });
  return {
    pid: child.pid,
    call,
    stop: () => {
      socket.destroy();
      return terminatePeer(child);
    },
  };
}

/**
 * A bare grpcio server (echo_peer.py `grpc`: generated code, no guards) on
 * `socketPath`, called through {@link openRawGrpcClient}. `stop()` sends SIGTERM.
 */
export async function startRawGrpcPeer(python, socketPath) {
  const child = spawn(python, [PEER_SCRIPT, 'grpc', socketPath], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Not the socket file: grpcio binds it before it listens (ECONNREFUSED meanwhile).
  await until(() => existsSync(`${socketPath}.ready`), `grpcio peer listening on ${socketPath}`);
  const client = await openRawGrpcClient(`unix://${socketPath}`);
  await client.execute('echo', { hello: 1 });
  return {
    pid: child.pid,
    call: (command, args) => client.execute(command, args),
    stop: () => {
      client.close();
      return terminatePeer(child);
    },
  };
}
