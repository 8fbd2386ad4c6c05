import { createSupervisor } from '@snakepit/actors';
import { FakeChildren, flush, ManualClock } from '@snakepit/actors/testing';
import { expect, it } from 'vitest';

it('restarts a crashed child once its backoff delay has passed', async () => {
  const kids = new FakeChildren();
  const clock = new ManualClock();
  const supervisor = await createSupervisor({
    clock,
    backoff: { minDelayMs: 100, jitter: 0 }, // the default jitter adds up to 20 % at random
    children: [kids.spec('worker')],
  });
  kids.exit('worker', new Error('crash'));
  await flush(supervisor); // settled() alone can resolve before the exit reaches the supervisor
  expect(supervisor.whichChildren()[0]?.status).toBe('restarting');
  clock.advance(99);
  await flush(supervisor);
  expect(supervisor.whichChildren()[0]?.status).toBe('restarting');
  clock.advance(1); // fires the pending restart
  await flush(supervisor);
  expect(supervisor.whichChildren()[0]?.status).toBe('running');
  await supervisor.stop();
  expect(kids.running()).toEqual([]);
});
