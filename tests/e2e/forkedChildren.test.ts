// Children that user code forks from a handler live until their worker dies
// (issue 14). Handlers run on grpcio's server threads. With grpcio's fork
// support on (grpcio's default in current releases), a fork made while no
// other call was in flight ran gRPC's fork handlers, and 20–40 % of the
// children died at once with SIGSEGV; concurrent calls made gRPC skip its
// handlers, so those children lived. The worker now starts with
// GRPC_ENABLE_FORK_SUPPORT=0 (docs/adr/0007-grpc-fork-support.md).
// Runs in both start modes.
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { chaosAdapter } from '../support/chaos.js';
import { usePools } from '../support/pools.js';
import type { ProcessRef } from '../support/processes.js';
import { isAlive, readStat, snapshot, waitUntilGone } from '../support/processes.js';

const startPool = usePools('forked-children');

interface ForkCall {
  readonly n: number;
  readonly kind: 'os' | 'mp';
}

/** Each round's calls run at once on the one worker; rounds run one after another. */
const ROUNDS: readonly (readonly ForkCall[])[] = [
  [{ n: 30, kind: 'os' }],
  [{ n: 20, kind: 'mp' }],
  [{ n: 30, kind: 'os' }],
  Array.from({ length: 4 }, (_, k) => ({ n: 10, kind: k % 2 === 0 ? 'os' : 'mp' }) as const),
];
const TOTAL = ROUNDS.flat().reduce((sum, call) => sum + call.n, 0);

describe('children forked from handlers', () => {
  it(`${TOTAL} children (os.fork and multiprocessing; lone and concurrent calls) all live until their worker stops, then all go`, async () => {
    const pool = await startPool({ size: 1, concurrency: 4, ...chaosAdapter });
    const workerPid = pool.stats().workers[0]!.pid!;
    const children: ProcessRef[] = [];
    for (const round of ROUNDS) {
      const results = await Promise.all(round.map((call) => pool.execute('fork_children', call)));
      for (const pids of results as number[][]) {
        // A child that crashed right after fork() is a zombie already: snapshot drops it.
        expect(snapshot(pids).map((r) => r.pid)).toEqual(pids);
        children.push(...snapshot(pids));
      }
    }
    expect(children).toHaveLength(TOTAL);
    for (const ref of children) expect(readStat(ref.pid)?.ppid).toBe(workerPid);
    // Under the bug every crash came within 0.5 s of its fork; allow four times that.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const dead = children.filter((ref) => !isAlive(ref)).map((ref) => ref.pid);
    expect(dead, 'children dead before their worker').toEqual([]);
    expect(await pool.execute('add', { a: 2, b: 2 })).toBe(4);

    const stopAt = performance.now();
    await pool.stop();
    const report = await waitUntilGone(children, { sinceMs: stopAt, timeoutMs: 10_000 });
    expect(report.survivors.map((r) => r.pid)).toEqual([]);
  }, 120_000);
});
