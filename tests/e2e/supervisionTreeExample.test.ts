import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { killEnv, processesWithEnv, waitFor } from '../support/processes.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/supervision-tree/main.mjs', import.meta.url));
// Every process of one run of the example carries it: the example, its
// workers, their guardians and whatever they fork.
const TAG_ENV = 'SNAKEPIT_EXAMPLE_TAG';

interface ExampleRun {
  readonly child: ChildProcess;
  readonly tag: string;
  readonly lines: string[];
  readonly exitCode: Promise<number | null>;
  /** Resolves with the lines printed so far once one starts with `prefix`. */
  until(prefix: string, timeoutMs?: number): Promise<string[]>;
}

// examples/supervision-tree runs as an app would: its own Node process, real
// Python, faults it makes itself, and a SIGTERM to end it.
describe('examples/supervision-tree', () => {
  const runs: ExampleRun[] = [];
  afterEach(() => {
    for (const run of runs.splice(0)) {
      run.child.kill('SIGKILL');
      killEnv(TAG_ENV, run.tag);
    }
  });

  it('shows the worker restarts, the whole-pool restart and the escalation, then exits 0 on SIGTERM leaving nothing', async () => {
    const run = startExample();
    const lines = await run.until('ready:');
    const restarts = lines.filter((line) => line.startsWith('restart: '));
    // Round 1: models.w1 alone; round 2: the whole pool (workerThenPool).
    expect(restarts.filter((line) => line.startsWith('restart: models '))).toEqual([
      'restart: models restarted models.w1 after models.w1 exited (worker_then_pool)',
      'restart: models restarted models.w1 after models.w1 exited (worker_then_pool)',
      'restart: models restarted models.w2 after models.w1 exited (worker_then_pool)',
    ]);
    expect(lines).toContain('escalated: flaky gave up (reached_max_restart_intensity)');
    expect(restarts).toContain('restart: root restarted flaky after flaky exited (one_for_one)');
    expect(lines.filter((line) => line.startsWith('escalated: '))).toHaveLength(1);
    expect(lines).toContain('flaky says 2 + 2 = 4');
    expect(processesWithEnv(TAG_ENV, run.tag).length).toBeGreaterThan(3);

    run.child.kill('SIGTERM');
    await expect(run.exitCode).resolves.toBe(0);
    expect(run.lines.slice(-2)).toEqual(['stopping on SIGTERM', 'stopped']);
    expect(processesWithEnv(TAG_ENV, run.tag)).toEqual([]);
  });

  it('leaves no process behind when the example itself is SIGKILLed', async () => {
    const run = startExample();
    await run.until('ready:');
    run.child.kill('SIGKILL');
    await run.exitCode;
    // The workers' death signal, their guardians and the control channel's EOF.
    await waitFor(
      () => processesWithEnv(TAG_ENV, run.tag).length === 0,
      15_000,
      'every process of the example gone',
    );
  });

  function startExample(): ExampleRun {
    const tag = randomBytes(4).toString('hex');
    const child = spawn(process.execPath, [EXAMPLE], {
      env: { ...process.env, [TAG_ENV]: tag },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines: string[] = [];
    const waiters: (() => void)[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      for (const wake of waiters.splice(0)) wake();
    });
    const exitCode = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const run: ExampleRun = {
      child,
      tag,
      lines,
      exitCode,
      async until(prefix, timeoutMs = 40_000) {
        const deadline = Date.now() + timeoutMs;
        let isExited = false;
        void exitCode.then(() => (isExited = true));
        while (!lines.some((line) => line.startsWith(prefix))) {
          if (isExited || Date.now() > deadline) {
            throw new Error(`no line starting with "${prefix}"; printed:\n${lines.join('\n')}`);
          }
          await new Promise<void>((resolve) => {
            waiters.push(resolve);
            setTimeout(resolve, 100);
          });
        }
        return [...lines];
      },
    };
    runs.push(run);
    return run;
  }
});
