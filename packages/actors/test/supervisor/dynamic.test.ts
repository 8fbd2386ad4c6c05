import { ManualClock } from '@snakepit/core';
import { describe, expect, it } from 'vitest';
import {
  createDynamicSupervisor,
  createSupervisor,
  dynamicSupervisorChild,
  type DynamicSupervisor,
} from '../../src/index.js';
import { FakeChildren, flush } from '../../src/testing.js';

describe('dynamic supervisor', () => {
  it('adds children at run time, restarts them one_for_one and forgets terminated ones', async () => {
    const kids = new FakeChildren();
    const supervisor = createDynamicSupervisor({ clock: new ManualClock(), maxRestarts: 5 });
    await supervisor.startChild(kids.spec('a'));
    await supervisor.startChild(kids.spec('b', { restart: 'temporary' }));
    await supervisor.startChild(kids.spec('c', { restart: 'transient' }));
    kids.exit('a', new Error('boom'));
    kids.exit('b', new Error('boom'));
    kids.exit('c', 'normal');
    await flush(supervisor);
    expect(kids.takeLog()).toEqual(['start:a', 'start:b', 'start:c', 'start:a']);
    expect(supervisor.whichChildren().map((c) => c.id)).toEqual(['a']);
    await supervisor.terminateChild('a');
    expect(supervisor.whichChildren()).toEqual([]);
    expect(kids.takeLog()).toEqual(['stop:a']);
  });

  it('rejects a duplicate id, a child that fails to start, and children beyond maxChildren', async () => {
    const kids = new FakeChildren();
    const supervisor = createDynamicSupervisor({ clock: new ManualClock(), maxChildren: 1 });
    kids.failNextStarts('x', 1);
    await expect(supervisor.startChild(kids.spec('x'))).rejects.toMatchObject({
      code: 'CHILD_START_FAILED',
    });
    await supervisor.startChild(kids.spec('a'));
    await expect(supervisor.startChild(kids.spec('a'))).rejects.toThrow('unique');
    await expect(supervisor.startChild(kids.spec('b'))).rejects.toThrow('maxChildren');
    await supervisor.stop();
    await expect(supervisor.startChild(kids.spec('c'))).rejects.toMatchObject({
      code: 'SUPERVISOR_STOPPED',
    });
  });

  it('stops all its children at once on shutdown', async () => {
    const kids = new FakeChildren();
    const supervisor = createDynamicSupervisor({ clock: new ManualClock() });
    for (const id of ['a', 'b', 'c'])
      await supervisor.startChild(kids.spec(id, { ignoresStop: true }));
    void supervisor.stop();
    await flush();
    const budgets = ['a', 'b', 'c'].map((id) => kids.handle(id)?.stopBudgets);
    expect(budgets).toEqual([[5000], [5000], [5000]]);
    for (const id of ['a', 'b', 'c']) kids.handle(id)?.exit('shutdown');
    expect(await supervisor.exited).toBe('shutdown');
  });

  it('nests under a static supervisor', async () => {
    const kids = new FakeChildren();
    const clock = new ManualClock();
    let pool: DynamicSupervisor | undefined;
    const root = await createSupervisor({
      clock,
      children: [dynamicSupervisorChild('pool', { clock }, (s) => (pool = s))],
    });
    await pool?.startChild(kids.spec('w'));
    await root.stop();
    expect(kids.takeLog()).toEqual(['start:w', 'stop:w']);
  });

  it('takes a strategy: one_for_all restarts every child, in the order they were added', async () => {
    const kids = new FakeChildren();
    const supervisor = createDynamicSupervisor({
      clock: new ManualClock(),
      strategy: 'one_for_all',
    });
    await supervisor.startChild(kids.spec('a'));
    await supervisor.startChild(kids.spec('b'));
    kids.takeLog();
    kids.exit('a', new Error('boom'));
    await flush(supervisor);
    expect(kids.takeLog()).toEqual(['stop:b', 'start:a', 'start:b']);
    await supervisor.stop();
  });
});
