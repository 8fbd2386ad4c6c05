import { EventBus } from '@snakepit/core';
import { createMajorityFailureStrategy, createSupervisor } from '@snakepit/actors';
import { FakeChildren, flush } from '@snakepit/actors/testing';
import { expect, it } from 'vitest';

it('restarts a failed child alone, and escalates once most children failed', async () => {
  const kids = new FakeChildren();
  const events = new EventBus();
  const escalations: string[] = [];
  events.on('snakepit.supervisor.escalated', (e) => escalations.push(e.escalation));

  // Your children, e.g. createActorChild(…).spec; fakes here, so that the test makes them fail.
  const workers = ['w1', 'w2', 'w3', 'w4'].map((id) => kids.spec(id));
  const pool = await createSupervisor({
    id: 'pool',
    strategy: createMajorityFailureStrategy({ windowMs: 60_000 }),
    maxRestarts: 10,
    periodMs: 10_000,
    events,
    children: workers,
  });
  kids.takeLog();

  kids.exit('w1', new Error('crash'));
  kids.exit('w2', new Error('crash'));
  await flush(pool);
  expect(kids.takeLog()).toEqual(['start:w1', 'start:w2']); // 2 of 4 is not more than half

  kids.exit('w3', new Error('crash'));
  expect(await pool.exited).toBe('shutdown');
  expect(escalations).toEqual(['3 of 4 children failed within 60000 ms']);
  expect(kids.running()).toEqual([]);
});
