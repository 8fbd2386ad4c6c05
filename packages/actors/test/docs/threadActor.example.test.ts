import { createActorHost } from '@snakepit/actors';
import { expect, it } from 'vitest';
import type Cache from './cache.js';

it('runs an actor on a worker thread of its own', async () => {
  const host = createActorHost({
    placement: 'dedicated',
    resourceLimits: { maxOldGenerationSizeMb: 256 },
  });
  const ref = await host.spawn<typeof Cache>(new URL('./cache.js', import.meta.url), { size: 2 });
  ref.tell('put', ['a', '1']);
  ref.tell('put', ['b', '2']);
  ref.tell('put', ['c', '3']); // messages are handled in order: 'a' is the oldest
  expect(await ref.ask('get', 'a')).toBeUndefined();
  expect(await ref.ask('get', 'c')).toBe('3');
  expect(host.stats()).toMatchObject({ actors: 1, threads: 1 });

  await ref.stop();
  expect(await ref.exited).toBe('shutdown');
  await host.close();
  expect(host.stats()).toMatchObject({ actors: 0, threads: 0 });
});
