import { ManualClock } from '@snakepit/core';
import { describe, expect, it } from 'vitest';
import { createSupervisor, type ExitReason, type RestartType } from '../../src/index.js';
import { FakeChildren, flush } from '../../src/testing.js';

const REASONS: readonly [string, ExitReason][] = [
  ['normal', 'normal'],
  ['shutdown', 'shutdown'],
  ['killed', 'killed'],
  ['an error', new Error('boom')],
];

const EXPECTED: Record<RestartType, readonly boolean[]> = {
  permanent: [true, true, true, true],
  transient: [false, false, true, true],
  temporary: [false, false, false, false],
};

describe('restart types', () => {
  for (const restart of ['permanent', 'transient', 'temporary'] as const) {
    REASONS.forEach(([name, reason], index) => {
      const restarts = EXPECTED[restart][index];
      it(`${restart} child ${restarts ? 'is' : 'is not'} restarted after ${name}`, async () => {
        const kids = new FakeChildren();
        const supervisor = await createSupervisor({
          clock: new ManualClock(),
          children: [kids.spec('x', { restart }), kids.spec('y')],
        });
        kids.takeLog();
        kids.exit('x', reason);
        await flush(supervisor);
        expect(kids.takeLog()).toEqual(restarts ? ['start:x'] : []);
        const ids = supervisor.whichChildren().map((c) => c.id);
        expect(ids).toEqual(restart === 'temporary' ? ['y'] : ['x', 'y']);
      });
    });
  }

  it('one_for_all restarts a transient child that had ended normally (as OTP)', async () => {
    const kids = new FakeChildren();
    const supervisor = await createSupervisor({
      strategy: 'one_for_all',
      clock: new ManualClock(),
      children: [kids.spec('t', { restart: 'transient' }), kids.spec('p')],
    });
    kids.exit('t', 'normal');
    await flush(supervisor);
    kids.takeLog();
    kids.exit('p', new Error('boom'));
    await flush(supervisor);
    expect(kids.takeLog()).toEqual(['start:t', 'start:p']);
  });

  it('a group restart stops and forgets temporary children', async () => {
    const kids = new FakeChildren();
    const supervisor = await createSupervisor({
      strategy: 'one_for_all',
      clock: new ManualClock(),
      children: [kids.spec('a'), kids.spec('tmp', { restart: 'temporary' }), kids.spec('c')],
    });
    kids.takeLog();
    kids.exit('a', new Error('boom'));
    await flush(supervisor);
    expect(kids.takeLog()).toEqual(['stop:c', 'stop:tmp', 'start:a', 'start:c']);
    expect(supervisor.whichChildren().map((c) => c.id)).toEqual(['a', 'c']);
  });
});
