// The owner of the alternatives in compare.bench.mjs's orphan test: a Node
// process that starts `n` baseline Python workers of one kind (peers.mjs),
// has each start one grandchild, prints {"event":"ready", pid, workers} and
// idles until it is SIGKILLed. Spec (argv[2]): { kind: 'jsonl'|'plain'|'grpc',
// n, python, dir }.
import { join } from 'node:path';
import { startJsonLinesPeer, startPlainSocketPeer, startRawGrpcPeer } from './peers.mjs';

const spec = JSON.parse(process.argv[2]);
const start = {
  jsonl: () => startJsonLinesPeer(spec.python),
  plain: (i) => startPlainSocketPeer(spec.python, join(spec.dir, `plain-${process.pid}-${i}.sock`)),
  grpc: (i) => startRawGrpcPeer(spec.python, join(spec.dir, `grpc-${process.pid}-${i}.sock`)),
}[spec.kind];
const peers = await Promise.all(Array.from({ length: spec.n }, (_, i) => start(i)));
const grandchildren = (
  await Promise.all(peers.map((p) => p.call('spawn_children', { n: 1 })))
).flat();
process.stdout.write(
  `${JSON.stringify({ event: 'ready', pid: process.pid, workers: peers.map((p) => p.pid), grandchildren })}\n`,
);
setInterval(() => {}, 60_000);
