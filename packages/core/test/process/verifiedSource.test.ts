import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock/ManualClock.js';
import { readProcStat } from '../../src/process/procfs.js';
import { spawnProcess } from '../../src/process/spawnProcess.js';
import { verifiedSource } from '../../src/process/verifiedSource.js';
import {
  cleanUpProcesses,
  isGone,
  remember,
  testRunId,
  untilExecuted,
  waitFor,
} from './procHelpers.js';

afterEach(cleanUpProcesses);

/** A `sleep` we spawned, watched as if another process (a fork server) had forked it. */
async function watchedSleeper(label: string) {
  const proc = await spawnProcess({
    command: '/bin/sh',
    args: ['-c', 'exec sleep 30'],
    runId: testRunId(label),
    workerId: 'w',
  });
  remember(proc.pid);
  await untilExecuted(proc.pid, 'sleep');
  const clock = new ManualClock();
  const source = verifiedSource(
    { pid: proc.pid, startTimeTicks: readProcStat(proc.pid)!.startTimeTicks },
    { clock },
  );
  const exits: unknown[] = [];
  source.onExit((exitCode, signal) => exits.push({ exitCode, signal }));
  return { pid: proc.pid, clock, source, exits };
}

describe('verifiedSource', () => {
  it('sees an unannounced exit at its slow poll, not before', async () => {
    const { pid, clock, exits } = await watchedSleeper('vs-poll');
    process.kill(pid, 'SIGKILL');
    await waitFor(() => isGone(pid), 5_000);
    clock.advance(1_999);
    expect(exits).toEqual([]);
    clock.advance(1);
    expect(exits).toHaveLength(1);
  });

  it('looks often once it has signalled the process (the kill ladder waits on it)', async () => {
    const { pid, clock, source, exits } = await watchedSleeper('vs-signalled');
    expect(source.signalGroup('SIGTERM')).toBe(true);
    await waitFor(() => isGone(pid), 5_000);
    clock.advance(50);
    expect(exits).toHaveLength(1);
  });

  it('sees the exit at once when told to look (the control channel closed)', async () => {
    const { pid, source, exits } = await watchedSleeper('vs-check');
    process.kill(pid, 'SIGKILL');
    await waitFor(() => isGone(pid), 5_000);
    source.check();
    expect(exits).toHaveLength(1);
  });
});
