import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  matchesIdentity,
  ownProcessIdentity,
  readProcessIdentity,
} from '../../src/process/processIdentity.js';
import { parseProcStat, readProcStat, readProcessEnvironment } from '../../src/process/procfs.js';
import { spawnProcess } from '../../src/process/spawnProcess.js';
import {
  cleanUpProcesses,
  remember,
  spawnSleeper,
  tempRuntimeDir,
  waitFor,
  untilExecuted,
} from './procHelpers.js';

afterEach(cleanUpProcesses);

describe('parseProcStat', () => {
  it('takes fields after the LAST `)`, whatever comm holds', () => {
    // comm may be up to 15 bytes of anything, including `) ` and a fake state.
    const fields = ['S', '7', '8', '9', ...Array.from({ length: 15 }, (_, i) => String(i)), '4242'];
    const stat = parseProcStat(5, `5 (x) Z 1 2 (y) ${fields.join(' ')} 0 0\n`);
    expect(stat).toEqual({
      pid: 5,
      state: 'S',
      ppid: 7,
      pgrp: 8,
      session: 9,
      startTimeTicks: 4242,
    });
  });

  it('rejects truncated text', () => {
    expect(parseProcStat(5, '5 (sleep) S 1 2 3')).toBeUndefined();
    expect(parseProcStat(5, 'garbage')).toBeUndefined();
  });
});

describe('readProcessIdentity / matchesIdentity', () => {
  it('reads this process: start time from field 22, boot id from the kernel', () => {
    const identity = readProcessIdentity(process.pid)!;
    const raw = readFileSync(`/proc/${process.pid}/stat`, 'utf8');
    const field22 = raw.slice(raw.lastIndexOf(')') + 2).split(' ')[19];
    expect(identity.startTimeTicks).toBe(Number(field22));
    expect(identity.bootId).toBe(readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim());
    expect(ownProcessIdentity()).toEqual(identity);
    expect(matchesIdentity(identity)).toBe(true);
  });

  it('refuses a different start time, boot id, or a pid that is gone', () => {
    const identity = readProcessIdentity(process.pid)!;
    expect(matchesIdentity({ ...identity, startTimeTicks: identity.startTimeTicks + 1 })).toBe(
      false,
    );
    expect(matchesIdentity({ ...identity, bootId: '00000000-0000-0000-0000-000000000000' })).toBe(
      false,
    );
    expect(matchesIdentity({ ...identity, bootId: '' })).toBe(false);
    expect(readProcessIdentity(2 ** 22 + 1)).toBeUndefined();
    expect(matchesIdentity({ ...identity, pid: 2 ** 22 + 1 })).toBe(false);
  });

  it('checks the worker token in the environment, exactly', async () => {
    const proc = await spawnSleeper('identity-run', 'a'.repeat(32));
    const identity = readProcessIdentity(proc.pid, proc.token)!;
    expect(identity.token).toBe(proc.token);
    expect(matchesIdentity(identity)).toBe(true);
    expect(matchesIdentity({ ...identity, token: 'b'.repeat(32) })).toBe(false);
    expect(matchesIdentity({ ...identity, token: 'a'.repeat(31) })).toBe(false);
    expect(readProcessEnvironment(proc.pid)?.get('SNAKEPIT_RUN_ID')).toBe('identity-run');
  });

  it('checks the run id in the environment, exactly, and with the token', async () => {
    const proc = await spawnSleeper('identity-run-ab', 'c'.repeat(32));
    const identity = readProcessIdentity(proc.pid)!;
    expect(matchesIdentity({ ...identity, runId: 'identity-run-ab' })).toBe(true);
    expect(matchesIdentity({ ...identity, runId: 'identity-run-a' })).toBe(false);
    expect(matchesIdentity({ ...identity, runId: 'identity-run-abc' })).toBe(false);
    expect(matchesIdentity({ ...identity, runId: 'identity-run-ab', token: proc.token })).toBe(
      true,
    );
    expect(matchesIdentity({ ...identity, runId: 'another-run', token: proc.token })).toBe(false);
    expect(matchesIdentity({ ...identity, runId: 'identity-run-ab', token: 'd'.repeat(32) })).toBe(
      false,
    );
    // This process was not started with any SNAKEPIT_RUN_ID.
    expect(matchesIdentity({ ...ownProcessIdentity(), runId: 'identity-run-ab' })).toBe(false);
  });

  it('parses a live process whose comm is `a) b`', async () => {
    const link = join(tempRuntimeDir(), 'a) b');
    symlinkSync('/bin/sleep', link);
    const proc = await spawnProcess({ command: link, args: ['30'], runId: 'comm', workerId: 'w' });
    remember(proc.pid);
    await untilExecuted(proc.pid, 'a) b');
    const stat = readProcStat(proc.pid)!;
    // Fields split at the first `)` would put `b)` in state and shift the rest.
    expect(['R', 'S']).toContain(stat.state);
    expect(stat).toMatchObject({
      ppid: process.pid,
      pgrp: proc.pid,
      session: proc.pid,
    });
    expect(stat.startTimeTicks).toBeGreaterThanOrEqual(ownProcessIdentity().startTimeTicks);
    expect(matchesIdentity(readProcessIdentity(proc.pid, proc.token)!)).toBe(true);
  });

  it('never matches a zombie', async () => {
    const lines: string[] = [];
    // The short sleep's parent execs into a long sleep that never waits: a zombie.
    const proc = await spawnProcess({
      command: '/bin/sh',
      args: ['-c', 'sleep 0.3 & echo $!; exec sleep 30'],
      runId: 'zombie',
      workerId: 'w',
      onOutput: (_stream, line) => lines.push(line),
    });
    remember(proc.pid);
    await waitFor(() => lines.length > 0);
    const zombie = Number(lines[0]);
    await untilExecuted(zombie, 'sleep');
    const identity = readProcessIdentity(zombie, proc.token)!;
    expect(matchesIdentity(identity)).toBe(true);
    await waitFor(() => readProcStat(zombie)?.state === 'Z');
    expect(matchesIdentity(identity)).toBe(false);
    expect(readProcessIdentity(zombie)).toBeUndefined();
  });
});
