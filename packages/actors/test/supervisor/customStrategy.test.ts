import { EventBus, ManualClock } from '@snakepit/core';
import { describe, expect, it } from 'vitest';
import {
  createMajorityFailureStrategy,
  createSupervisor,
  type RestartStrategy,
} from '../../src/index.js';
import { FakeChildren, flush } from '../../src/testing.js';

async function setup(strategy: RestartStrategy, children = ['a', 'b', 'c', 'd']) {
  const kids = new FakeChildren();
  const clock = new ManualClock();
  const events = new EventBus();
  const escalations: string[] = [];
  events.on('snakepit.supervisor.escalated', (e) => escalations.push(e.escalation));
  const supervisor = await createSupervisor({
    strategy,
    clock,
    events,
    maxRestarts: 100,
    children: children.map((id) => kids.spec(id)),
  });
  kids.takeLog();
  return { kids, clock, supervisor, escalations };
}

describe('createMajorityFailureStrategy (the documented example)', () => {
  it('restarts one child at a time while at most half have failed', async () => {
    const { kids, supervisor } = await setup(createMajorityFailureStrategy());
    kids.exit('a', new Error('1'));
    await flush(supervisor);
    kids.exit('a', new Error('2'));
    await flush(supervisor);
    kids.exit('b', new Error('3'));
    await flush(supervisor);
    expect(kids.takeLog()).toEqual(['start:a', 'start:a', 'start:b']);
    expect(kids.running().sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('escalates when more than half of the children failed within the window', async () => {
    const { kids, supervisor, escalations } = await setup(createMajorityFailureStrategy());
    for (const id of ['a', 'b', 'c']) {
      kids.exit(id, new Error('shared cause'));
      await flush(supervisor);
    }
    expect(kids.takeLog()).toEqual(['start:a', 'start:b', 'stop:d', 'stop:b', 'stop:a']);
    expect(await supervisor.exited).toBe('shutdown');
    expect(escalations).toEqual(['3 of 4 children failed within 60000 ms']);
  });

  it('forgets failures older than the window and ignores normal exits', async () => {
    const { kids, clock, supervisor } = await setup(
      createMajorityFailureStrategy({ windowMs: 1000 }),
    );
    kids.exit('a', new Error('old'));
    await flush(supervisor);
    kids.exit('b', new Error('old'));
    await flush(supervisor);
    clock.advance(1001);
    kids.exit('c', 'normal');
    await flush(supervisor);
    kids.exit('d', new Error('new'));
    await flush(supervisor);
    expect(kids.takeLog()).toEqual(['start:a', 'start:b', 'start:c', 'start:d']);
  });

  it('rejects a fraction outside [0, 1)', () => {
    expect(() => createMajorityFailureStrategy({ fraction: 1 })).toThrow('`fraction`');
  });

  it('a strategy that throws escalates instead of breaking the supervisor', async () => {
    const broken: RestartStrategy = {
      name: 'broken',
      decide() {
        throw new Error('bug');
      },
    };
    const { kids, supervisor, escalations } = await setup(broken, ['a']);
    kids.exit('a', new Error('boom'));
    await flush(supervisor);
    expect(await supervisor.exited).toBe('shutdown');
    expect(escalations).toEqual(['strategy broken threw: bug']);
  });

  it.each([
    ['an unknown child id', { action: 'restart', childIds: ['ghost'] }, 'unknown child id "ghost"'],
    ['an unknown action', { action: 'retry' }, '{"action":"retry"}'],
    ['a Promise (an async decide)', Promise.resolve({ action: 'ignore' }), 'a Promise'],
    [
      'a delay that is not a number',
      { action: 'restart', childIds: ['a'], delayMs: 'soon' },
      'soon',
    ],
  ])(
    'an invalid decision (%s) escalates, naming the strategy and the value',
    async (_, bad, shown) => {
      const invalid = { name: 'sloppy', decide: () => bad } as unknown as RestartStrategy;
      const { kids, supervisor, escalations } = await setup(invalid, ['a', 'b']);
      kids.exit('a', new Error('boom'));
      await flush(supervisor);
      expect(escalations).toHaveLength(1);
      expect(escalations[0]).toMatch(/^strategy sloppy returned an invalid decision: /);
      expect(escalations[0]).toContain(shown);
      expect(kids.takeLog()).toEqual(['stop:b']);
      expect(await supervisor.exited).toBe('shutdown');
    },
  );
});
