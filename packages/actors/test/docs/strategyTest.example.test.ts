import { createSupervisor, oneForAll, oneForOne, type RestartStrategy } from '@snakepit/actors';
import { FakeChildren, flush, ManualClock } from '@snakepit/actors/testing';
import { expect, it } from 'vitest';

/** `one_for_one`, but a child restarted twice within a minute restarts everybody. */
const oneThenAll: RestartStrategy = {
  name: 'one_then_all',
  decide(exit, children, context) {
    const recent = context.restarts.filter(
      (r) => r.childId === exit.childId && r.atMs >= context.nowMs - 60_000,
    );
    const strategy = recent.length >= 2 ? oneForAll : oneForOne;
    return strategy.decide(exit, children, context);
  },
};

it('restarts a failing child alone twice a minute, then the whole group', async () => {
  const kids = new FakeChildren();
  const clock = new ManualClock();
  const supervisor = await createSupervisor({
    strategy: oneThenAll,
    clock,
    maxRestarts: 10,
    children: [kids.spec('db'), kids.spec('api')],
  });
  expect(kids.takeLog()).toEqual(['start:db', 'start:api']);

  for (let i = 0; i < 2; i++) {
    kids.exit('api', new Error('crash'));
    await flush(supervisor); // the exit reaches the supervisor and is handled
  }
  expect(kids.takeLog()).toEqual(['start:api', 'start:api']);

  kids.exit('api', new Error('crash'));
  await flush(supervisor);
  expect(kids.takeLog()).toEqual(['stop:db', 'start:db', 'start:api']);

  clock.advance(60_001); // the earlier restarts leave the window
  kids.exit('api', new Error('crash'));
  await flush(supervisor);
  expect(kids.takeLog()).toEqual(['start:api']);

  await supervisor.stop();
  expect(kids.running()).toEqual([]);
});
