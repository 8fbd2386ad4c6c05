#!/usr/bin/env node
// An app's supervision tree with Python in it (docs/actors/supervision.md):
//
//   root (one_for_one, 3 restarts a minute)
//   ├── models: a pool of 2 workers on snakepit_worker.demo_adapter, whose
//   │           own strategy restarts a worker at most once a minute, then
//   │           the whole pool (workerThenPool.mjs)
//   ├── flaky:  a pool of 1 worker on ./flaky_adapter.py, which gives up
//   │           when its worker crash-loops: the root restarts it
//   └── stats:  an app actor counting what happened
//
// It starts the tree, SIGKILLs a models worker twice, makes flaky crash-loop,
// prints what each supervisor did, then waits: SIGTERM (or SIGINT) stops the
// root, everything in reverse start order, and the process exits 0. Run it
// with `node examples/supervision-tree/main.mjs` after `pnpm build`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createActorChild, createSupervisor, defineActor, spawnActor } from '@snakepit/actors';
import { EventBus, poolChild } from '@snakepit/python-bridge';
import { workerThenPool } from './workerThenPool.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'snakepit-example-'));
const events = new EventBus();

const models = poolChild({
  id: 'models',
  size: 2,
  bus: events,
  restart: { strategy: workerThenPool({ maxPerMinute: 1 }), backoff: false },
});
const flaky = poolChild({
  id: 'flaky',
  size: 1,
  adapter: 'flaky_adapter',
  pythonPath: [here],
  start: 'spawn', // the crash loop is at import: a fork server would import it once
  env: { FLAKY_STATE_FILE: join(scratch, 'boots-to-crash') },
  bus: events,
  restart: { maxRestarts: 1, backoff: false },
});
const statsActor = defineActor({
  start: () => ({ restarts: 0, escalations: 0 }),
  handlers: {
    restarted: (state) => void state.restarts++,
    escalated: (state) => void state.escalations++,
    get: (state) => ({ ...state }),
  },
});
const stats = createActorChild({
  id: 'stats',
  start: () => spawnActor(statsActor, undefined, { id: 'stats' }),
});

events.on('snakepit.supervisor.child.restarted', (e) => {
  console.log(
    `restart: ${e.supervisorId} restarted ${e.childId} after ${e.causeChildId} exited (${e.strategy})`,
  );
  stats.ref.tell('restarted');
});
events.on('snakepit.supervisor.escalated', (e) => {
  console.log(`escalated: ${e.supervisorId} gave up (${e.escalation})`);
  stats.ref.tell('escalated');
});

const root = await createSupervisor({
  id: 'root',
  strategy: 'one_for_one',
  maxRestarts: 3,
  periodMs: 60_000,
  events,
  children: [models.spec, flaky.spec, stats.spec],
});
let isStopping = false;
// The root exits on its own only when it gave up: escalation reached the top.
void root.exited.then(() => {
  if (isStopping) return;
  console.error('root gave up: escalation reached the top');
  rmSync(scratch, { recursive: true, force: true });
  process.exit(1);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    isStopping = true;
    console.log(`stopping on ${signal}`);
    void root.stop().then(() => {
      rmSync(scratch, { recursive: true, force: true });
      console.log('stopped');
      // Nothing is left to keep Node alive: it exits 0 by itself.
    });
  });
}
console.log('started: models (2 workers), flaky (1 worker), stats');
console.log(`models says 1 + 2 = ${await models.ref.execute('add', { a: 1, b: 2 })}`);

// Fault 1: SIGKILL models.w1 twice. Its first restart in the minute restarts
// it alone; the second restarts the whole pool.
for (let round = 1; round <= 2; round++) {
  const pool = models.ref.current;
  const pids = pool.stats().workers.map((w) => w.pid);
  console.log(`fault: SIGKILL models.w1 (round ${round})`);
  process.kill(pids[0], 'SIGKILL');
  await until(() => {
    const workers = pool.stats().workers;
    return workers[0].pid !== pids[0] && workers.every((w) => w.state === 'ready');
  });
}

// Fault 2: flaky's worker exits and its next two starts crash at import. Its
// pool gives up (1 restart allowed), its child exits abnormally, and the
// root's one_for_one restarts it (the new pool's first start still crashes;
// createPool retries it, startAttempts).
const before = flaky.ref.current;
console.log('fault: flaky crash-loops');
await flaky.ref.execute('arm_crash_loop', { boots: 2 }).catch(() => {});
await until(() => {
  const pool = flaky.ref.current;
  return pool !== undefined && pool !== before && pool.stats().byState.ready === 1;
});
console.log(`flaky says 2 + 2 = ${await flaky.ref.execute('add', { a: 2, b: 2 })}`);
console.log(`stats: ${JSON.stringify(await stats.ref.ask('get'))}`);
console.log('ready: faults handled; send SIGTERM to stop');

/** Polls `check` every 20 ms for up to 30 s. */
async function until(check) {
  for (const deadline = Date.now() + 30_000; !check(); ) {
    if (Date.now() > deadline) throw new Error('the tree did not recover within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
