import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { processesOfRun } from '../support/processes.js';
import { buildCli, cleanUp, runCli } from './cli.js';

beforeAll(buildCli, 120_000);
afterEach(cleanUp);

describe('snakepit demo', () => {
  it('serves requests, survives a crash and a hang, stops cleanly and exits 0', async () => {
    const result = await runCli(['demo'], {}, 60_000);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toMatch(/✓ 200 calls of add\(\)/);
    expect(out).toMatch(/crosses over: .*ValueError: a deliberate ValueError/);
    expect(out).toMatch(/✗ pool\.w\d \(pid \d+\) ended: crashed, exit code 3/);
    expect(out).toMatch(/missed heartbeat 2 of 2: hung/);
    // The worker's own `terminated` line (lost with thread placement until the
    // actor's last events waited for its port), and the restart with its cause.
    expect(out).toMatch(/✗ pool\.w\d \(pid \d+\) ended: heartbeat timeout, SIGKILL/);
    expect(out).toMatch(
      /restarts pool\.w\d after \d+ ms \(HEARTBEAT_TIMEOUT: Python worker ended \(heartbeat timeout/,
    );
    expect(out.match(/ready again: pid \d+/g)).toHaveLength(2);
    expect(out).toMatch(/2 of 2 workers ready; restarts: /);
    const runId = /no process of run (\S+) is left/.exec(out)?.[1];
    expect(runId).toBeDefined();
    expect(processesOfRun(runId!)).toEqual([]);
  });
});
