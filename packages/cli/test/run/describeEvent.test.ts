import { describe, expect, it } from 'vitest';
import { describeEvent } from '../../src/run/describeEvent.js';

describe('describeEvent', () => {
  it('says at start whether the run has cgroups, and why not', () => {
    const on = describeEvent('snakepit.run.cgroup', { runId: 'r', path: '/sys/fs/cgroup/x' });
    expect(on).toMatchObject({ level: 'info', kind: 'run' });
    expect(on?.message).toMatch(
      /^cgroups on: .*\/sys\/fs\/cgroup\/x.*setsid\(\) escapees included/,
    );
    const off = describeEvent('snakepit.run.cgroup', { runId: 'r', reason: 'not writable' });
    expect(off?.message).toMatch(
      /^cgroups off \(not writable\): .*not a child that calls setsid\(\)/,
    );
  });
});
