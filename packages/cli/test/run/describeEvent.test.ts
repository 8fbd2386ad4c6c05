import type { ExitRecord } from '@snakepit/core';
import { describe, expect, it } from 'vitest';
import { describeEvent } from '../../src/run/describeEvent.js';

const ended = (exit: Pick<ExitRecord, 'cause' | 'reason' | 'method'>) =>
  describeEvent('snakepit.worker.process.terminated', {
    ...{ workerId: 'p.w1', runId: 'r', poolId: 'p', pid: 42, timestampMs: 0 },
    exit: {
      ...{ exitCode: 0, signal: undefined, isForcefullyTerminated: false },
      ...{ uptimeMs: 1_000, cleanupMs: 10, steps: [] },
      ...exit,
    },
  });

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

  it('tells a stop from a crash by the exit cause, whatever its words', () => {
    const recycled = ended({ cause: 'recycled', reason: 'data plane failing', method: 'graceful' });
    expect(recycled).toMatchObject({ level: 'info', kind: 'stopped' });
    const stopped = ended({ cause: 'shutdown', reason: 'maintenance', method: 'graceful' });
    expect(stopped).toMatchObject({ level: 'info', kind: 'stopped' });
    const killed = ended({ cause: 'killed', reason: 'stopped', method: 'terminated' });
    expect(killed).toMatchObject({ level: 'warn', kind: 'crashed' });
    expect(killed?.message).toMatch(/^p\.w1 \(pid 42\) ended: stopped, exit code 0/);
  });

  it('names the process a recycle replaces', () => {
    const recycling = describeEvent('snakepit.pool.worker.recycled', {
      ...{ poolId: 'p', workerId: 'p.w1', pid: 42, reason: 'max rss' },
    });
    expect(recycling?.message).toBe('p.w1 (pid 42) is being recycled (max rss)');
  });
});
