import { EventBus } from '@snakepit/core';
import {
  createActorChild,
  createActorHost,
  createSupervisor,
  supervisorChild,
} from '@snakepit/actors';
import { expect, it } from 'vitest';
import type Cache from './cache.js'; // the actor under “Actors” (threads run its compiled .js)

it('runs an app’s supervisor tree and stops it cleanly on SIGTERM', async () => {
  const events = new EventBus();
  const threads = createActorHost({ events }); // one actor per worker thread
  const cache = createActorChild<typeof Cache>({
    id: 'cache',
    start: () => threads.spawn(new URL('./cache.js', import.meta.url), { size: 1000 }),
  });
  const jobs = supervisorChild('jobs', { maxRestarts: 5, children: [] }); // the jobs' actors
  const root = await createSupervisor({
    id: 'app',
    strategy: 'rest_for_one',
    events,
    children: [cache.spec, jobs], // started in this order, stopped in reverse
  });
  let isStopping = false;
  // `exited` settles on stop() too: only an exit nobody asked for is a failure.
  void root.exited.then(() => isStopping || process.exit(1)); // the root gave up: escalation reached the top
  process.once('SIGTERM', () => {
    isStopping = true;
    void root.stop().then(() => threads.close()); // then Node exits 0 by itself
  });
  cache.ref.tell('put', ['key', 'value']);
  expect(await cache.ref.ask('get', 'key', { timeoutMs: 1000 })).toBe('value');

  expect(root.whichChildren().map((c) => [c.id, c.status])).toEqual([
    ['cache', 'running'],
    ['jobs', 'running'],
  ]);
  process.emit('SIGTERM'); // as `kill <pid>` would
  expect(await root.exited).toBe('shutdown');
  await expect.poll(() => threads.stats()).toMatchObject({ actors: 0, threads: 0 }); // nothing keeps Node alive
});
