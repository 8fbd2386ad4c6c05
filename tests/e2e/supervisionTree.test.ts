import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createActorChild,
  createSupervisor,
  defineActor,
  spawnActor,
  type ChildExit,
  type RestartStrategy,
  type Supervisor,
} from '@snakepit/actors';
import { EventBus, isSnakepitError } from '@snakepit/core';
import { poolChild, pythonWorkerChild } from '@snakepit/python-bridge';
import type { Pool } from '@snakepit/python-bridge';
import { afterEach, describe, expect, it } from 'vitest';
import { testMatrix, usePoolCleanUp } from '../support/pools.js';
import { processesOfRun, waitFor, workersOfRun } from '../support/processes.js';

const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));

const pidsOf = (pool: Pool) => pool.stats().workers.map((w) => w.pid);
const isAllReady = (pool: Pool) => pool.stats().byState.ready === pool.stats().size;

// Python workers in an app's own supervision tree: a custom strategy deciding
// a pool's restarts, and pools as children of the app's root supervisor.
describe('Python pools in a supervision tree', () => {
  const roots: Supervisor[] = [];
  const { startPool, newRunId } = usePoolCleanUp('tree', async () => {
    for (const root of roots.splice(0)) await root.stop();
  });
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('lets a custom restart.strategy decide the pool restarts (SIGKILL one worker, both restart)', async () => {
    const seen: ChildExit[] = [];
    const wholePool: RestartStrategy = {
      name: 'whole_pool',
      decide(exit, children) {
        seen.push(exit);
        return { action: 'restart', childIds: children.map((c) => c.id) };
      },
    };
    const pool = await startPool({
      id: 'custom',
      size: 2,
      restart: { strategy: wholePool, backoff: false },
    });
    const before = pidsOf(pool);
    process.kill(before[0]!, 'SIGKILL');
    await waitFor(
      () =>
        isAllReady(pool) && pidsOf(pool).every((pid) => pid !== undefined && !before.includes(pid)),
      15_000,
      'both workers replaced',
    );
    expect(seen.map((exit) => exit.childId)).toEqual(['custom.w1']);
    expect(pool.stats().workers.map((w) => w.restarts)).toEqual([1, 1]);
    await expect(pool.execute('add', { a: 1, b: 2 })).resolves.toBe(3);
  });

  it('runs pools beside an app actor: a pool restarts its worker, a failed pool escalates to the root, root.stop() leaves nothing', async () => {
    const events = new EventBus();
    const log: string[] = [];
    events.on('snakepit.supervisor.child.exited', (e) =>
      log.push(`exited ${e.supervisorId}/${e.childId}`),
    );
    events.on('snakepit.supervisor.escalated', (e) => log.push(`escalated ${e.supervisorId}`));
    events.on('snakepit.supervisor.shutdown', (e) => log.push(`shutdown ${e.supervisorId}`));
    const dir = mkdtempSync(join(tmpdir(), 'snakepit-tree-'));
    dirs.push(dir);
    const crashFile = join(dir, 'crash');
    // Pool b's restarts crash at boot while the file exists: it gives up, and
    // the root restarts it once the file is gone.
    events.on('snakepit.pool.failed', (e) => {
      if (e.poolId === 'b') rmSync(crashFile, { force: true });
    });
    const [runA, runB] = [newRunId(), newRunId()];
    const a = poolChild({ id: 'a', size: 1, runId: runA, bus: events, ...testMatrix() });
    const b = poolChild({
      ...{ id: 'b', size: 1, runId: runB, bus: events, ...testMatrix() },
      // Spawned: the crash is at import, which a fork server would do once.
      ...{ adapter: 'crash_loop_adapter', pythonPath: [FIXTURES], start: 'spawn' },
      env: { SNAKEPIT_CHAOS_CRASH_FILE: crashFile },
      restart: { maxRestarts: 1, backoff: false },
    });
    const counter = defineActor({
      start: () => ({ n: 0 }),
      handlers: { bump: (state) => ++state.n },
    });
    const app = createActorChild<typeof counter>({
      id: 'app',
      start: () => spawnActor(counter, undefined, { id: 'app' }),
    });
    const root = await createSupervisor({
      id: 'root',
      strategy: 'one_for_one',
      maxRestarts: 3,
      periodMs: 60_000,
      events,
      children: [a.spec, b.spec, app.spec],
    });
    roots.push(root);
    const poolA = a.ref.current!;
    const poolB = b.ref.current!;
    await expect(a.ref.execute('add', { a: 1, b: 1 })).resolves.toBe(2);
    await expect(app.ref.ask('bump')).resolves.toBe(1);

    // A worker's death is the pool's business: the root sees nothing.
    const [pidA] = pidsOf(poolA);
    process.kill(pidA!, 'SIGKILL');
    await waitFor(() => isAllReady(poolA) && pidsOf(poolA)[0] !== pidA, 15_000, 'a restarted');
    expect(a.ref.current).toBe(poolA);
    expect(log).toEqual(['exited a/a.w1']);

    // Pool b gives up: its exit is abnormal, and the root's strategy restarts it.
    writeFileSync(crashFile, '');
    process.kill(pidsOf(poolB)[0]!, 'SIGKILL');
    await waitFor(
      () => b.ref.current !== undefined && b.ref.current !== poolB && isAllReady(b.ref.current),
      20_000,
      'b restarted by the root',
    );
    expect(log).toContain('escalated b');
    expect(log).toContain('exited root/b');
    expect(log).not.toContain('exited root/a');
    expect(log).not.toContain('escalated root');
    expect(root.whichChildren().find((c) => c.id === 'b')?.restartCount).toBe(1);
    await expect(b.ref.execute('add', { a: 2, b: 2 })).resolves.toBe(4);
    expect(a.ref.current).toBe(poolA);
    await expect(app.ref.ask('bump')).resolves.toBe(2);

    // Reverse start order: the app actor, then pool b, then pool a.
    log.length = 0;
    await root.stop();
    expect(log).toEqual(['shutdown b', 'shutdown a', 'shutdown root']);
    expect([...processesOfRun(runA), ...processesOfRun(runB)]).toEqual([]);
    expect(a.ref.current).toBeUndefined();
    await expect(a.ref.execute('add', { a: 1, b: 1 })).rejects.toSatisfy((e: unknown) =>
      isSnakepitError(e, 'POOL_STOPPED'),
    );
  });

  it('a root that may not restart a failed pool gives up and leaves no process', async () => {
    const events = new EventBus();
    const [runA, runB] = [newRunId(), newRunId()];
    const a = poolChild({ id: 'a', size: 1, runId: runA, bus: events, ...testMatrix() });
    const b = poolChild({
      ...{ id: 'b', size: 1, runId: runB, bus: events, ...testMatrix() },
      restart: { maxRestarts: 0 },
    });
    const root = await createSupervisor({
      id: 'root',
      maxRestarts: 0,
      events,
      children: [a.spec, b.spec],
    });
    roots.push(root);
    process.kill(workersOfRun(runB)[0]!, 'SIGKILL');
    await expect(root.exited).resolves.toBe('shutdown');
    expect([...processesOfRun(runA), ...processesOfRun(runB)]).toEqual([]);
  });

  it('puts one Python worker under the root, whose strategy restarts it; a brutal_kill stop leaves nothing', async () => {
    const events = new EventBus();
    const exits: string[] = [];
    events.on('snakepit.supervisor.child.exited', (e) =>
      exits.push(`${e.supervisorId}/${e.childId}`),
    );
    const runId = newRunId();
    const worker = pythonWorkerChild({ id: 'solo', runId, bus: events, ...testMatrix() });
    const root = await createSupervisor({ id: 'root', events, children: [worker.spec] });
    roots.push(root);
    expect(root.whichChildren()).toMatchObject([{ id: 'solo', type: 'worker' }]);
    const first = worker.ref.current!;
    const [pid] = pidsOf(first);
    process.kill(pid!, 'SIGKILL');
    await waitFor(
      () =>
        worker.ref.current !== undefined &&
        worker.ref.current !== first &&
        isAllReady(worker.ref.current),
      15_000,
      'the root restarted the worker',
    );
    expect(exits).toEqual(['solo/solo.w1', 'root/solo']);
    expect(root.whichChildren()[0]?.restartCount).toBe(1);
    await expect(worker.ref.execute('add', { a: 20, b: 22 })).resolves.toBe(42);
    // brutal_kill reaches the worker as a SIGKILL to its group, without a drain.
    await root.stop('shutdown', 'brutal_kill');
    await expect(root.exited).resolves.toBe('killed');
    expect(processesOfRun(runId)).toEqual([]);
  });
});
