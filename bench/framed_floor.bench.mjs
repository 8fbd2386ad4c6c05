// What one framed call costs the worker's Python, against the least a framed
// server on the same interpreter can spend (issue 18's "CPU per call" target;
// ADR 0012, "Python's CPU per call"). framed_floor.py runs three servers for the
// same sequential execute('echo', ~110 B JSON) frames from a client process,
// interleaved round by round: the worker's FramedServer + Invoker, a one-thread
// floor (recv, parse, JSON both ways, serialise, sendall), and the floor's work
// with no socket. Figures: wall µs per call and the server's CPU µs per call.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolvePython } from '@snakepit/core/process';
import { isQuick } from './record.mjs';
import { printRows } from './stats.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const CALLS = isQuick ? 2000 : 10_000;
const ROUNDS = isQuick ? 1 : 3;

const python = await resolvePython({ requireGrpc: false });
const output = execFileSync(
  python.path,
  [join(HERE, 'framed_floor.py'), String(CALLS), String(ROUNDS)],
  {
    encoding: 'utf8',
    env: { ...process.env, PYTHONPATH: join(HERE, '..', 'packages', 'python-bridge', 'python') },
  },
);
const rows = output
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line));
const worker = rows.find((row) => row.kind === 'worker');
printRows(
  `Python's CPU per framed call: the worker against the floor (${CALLS} sequential calls × ${ROUNDS} interleaved rounds)`,
  ['server', 'wall µs/call', 'user µs/call', 'system µs/call', 'CPU / worker'],
  rows.map((row) => [
    row.kind,
    row.wall_us,
    row.user_us,
    row.sys_us,
    `${(((row.user_us + row.sys_us) / (worker.user_us + worker.sys_us)) * 100).toFixed(0)} %`,
  ]),
);
