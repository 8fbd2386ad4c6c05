import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { readProcessIdentity } from '../../src/process/processIdentity.js';
import { signalIdentified } from '../../src/process/signalIdentified.js';
import { spawnProcess } from '../../src/process/spawnProcess.js';
import {
  cleanUpProcesses,
  isGone,
  remember,
  testRunId,
  waitFor,
  untilExecuted,
} from './procHelpers.js';

afterEach(cleanUpProcesses);

/** A group leader (`sleep`) with a member (another `sleep`), both of run `runId`. */
async function spawnGroup(runId: string): Promise<{ leader: number; member: number }> {
  const lines: string[] = [];
  const proc = await spawnProcess({
    command: '/bin/sh',
    args: ['-c', 'sleep 30 & echo $!; exec sleep 30'],
    runId,
    workerId: 'w',
    onOutput: (_stream, line) => lines.push(line),
  });
  remember(proc.pid);
  await waitFor(() => lines.length > 0);
  const member = Number(lines[0]);
  remember(member);
  await untilExecuted(proc.pid, 'sleep');
  await untilExecuted(member, 'sleep');
  return { leader: proc.pid, member };
}

describe('signalIdentified', () => {
  it('signals neither a process nor its group when the identity does not match', async () => {
    const runId = testRunId('unverified');
    const { leader, member } = await spawnGroup(runId);
    const identity = readProcessIdentity(leader)!;
    expect(signalIdentified({ ...identity, runId: testRunId('other') }, 'SIGKILL')).toBe(false);
    expect(
      signalIdentified(
        { ...identity, runId, startTimeTicks: identity.startTimeTicks + 1 },
        'SIGKILL',
      ),
    ).toBe(false);
    expect(signalIdentified({ ...identity, runId, token: 'e'.repeat(32) }, 'SIGKILL')).toBe(false);
    // SIGKILL takes effect within microseconds; give it ample time to show.
    await sleep(100);
    expect([leader, member].filter(isGone)).toEqual([]);
  });

  it('signals a verified process and the group it leads', async () => {
    const runId = testRunId('verified');
    const { leader, member } = await spawnGroup(runId);
    const identity = readProcessIdentity(leader)!;
    expect(signalIdentified({ ...identity, runId }, 'SIGKILL')).toBe(true);
    await waitFor(() => isGone(leader) && isGone(member));
  });

  it('does not signal a process that is gone', () => {
    expect(
      signalIdentified({ pid: 2 ** 22 + 1, startTimeTicks: 1, bootId: 'x', runId: 'r' }, 'SIGKILL'),
    ).toBe(false);
  });
});
