import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createRunCgroup,
  createWorkerCgroup,
  detectCgroupBase,
  isCgroupPopulated,
  removeCgroup,
} from '../../src/process/cgroup.js';
import {
  cleanUpProcesses,
  isGone,
  remember,
  tempRuntimeDir,
  testRunId,
  waitFor,
} from './procHelpers.js';

const created: string[] = [];

afterEach(async () => {
  for (const path of created.splice(0)) await removeCgroup(path);
  cleanUpProcesses();
});

function base(): string {
  const found = detectCgroupBase();
  // This machine has a writable cgroup2 hierarchy: fail loudly where it is missing.
  if (!found.isAvailable) throw new Error(`no usable cgroup v2 here: ${found.reason}`);
  return found.dir;
}

describe('cgroup v2 layer', () => {
  it('finds our own writable cgroup2 directory', () => {
    const dir = base();
    expect(existsSync(join(dir, 'cgroup.procs'))).toBe(true);
  });

  it('creates a run cgroup with cgroup.kill, and a worker cgroup inside it', () => {
    const runId = testRunId('cg');
    const run = createRunCgroup(base(), runId);
    if (!('path' in run)) throw new Error(run.reason);
    created.push(run.path);
    expect(run.path).toBe(join(base(), `snakepit-${runId}`));
    const worker = createWorkerCgroup(run.path, 'w1.abcd');
    expect(existsSync(join(worker, 'cgroup.kill'))).toBe(true);
    expect(() => createWorkerCgroup(run.path, 'w1.abcd')).toThrow(/EEXIST/);
  });

  it('refuses a directory that is not a cgroup with cgroup.kill, and cleans up', () => {
    const dir = tempRuntimeDir();
    const reasonOf = (run: ReturnType<typeof createRunCgroup>) =>
      'reason' in run ? run.reason : '';
    expect(reasonOf(createRunCgroup(dir, 'r1'))).toMatch(/no cgroup\.kill/);
    expect(existsSync(join(dir, 'snakepit-r1'))).toBe(false);
    mkdirSync(join(dir, 'snakepit-r2'));
    expect(reasonOf(createRunCgroup(dir, 'r2'))).toMatch(/EEXIST/);
  });

  it('kills what is inside (setsid or not) and removes the tree', async () => {
    const run = createRunCgroup(base(), testRunId('cg-kill'));
    if (!('path' in run)) throw new Error(run.reason);
    created.push(run.path);
    const worker = createWorkerCgroup(run.path, 'w1.0000');
    const child = spawn('sleep', ['30'], { detached: true, stdio: 'ignore' });
    const pid = child.pid ?? -1;
    remember(pid);
    writeFileSync(join(worker, 'cgroup.procs'), String(pid));
    expect(isCgroupPopulated(run.path)).toBe(true);

    expect(await removeCgroup(run.path)).toBe(true);
    await waitFor(() => isGone(pid));
    expect(existsSync(run.path)).toBe(false);
    expect(isCgroupPopulated(run.path)).toBe(false);
    expect(await removeCgroup(run.path)).toBe(true); // idempotent
  });
});
