// Baselines the benchmarks compare Snakepit with: a bare nice-grpc client on a
// worker's socket, a JSON-lines-over-stdio Python process, and a raw byte echo
// over a socketpair on fd 3 (the peers are in echo_peer.py).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
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
