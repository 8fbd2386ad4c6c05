import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { processesOfRun, waitFor, workersOfRun } from '../support/processes.js';
import {
  buildCli,
  cleanUp,
  exitOf,
  freePort,
  get,
  privateRuntimeDir,
  runCli,
  startCli,
  waitForReady,
} from './cli.js';

beforeAll(buildCli, 120_000);
afterEach(cleanUp);

describe('snakepit ps and reap', () => {
  it('kill the workers of a SIGKILLed run and leave a live run alone', async () => {
    const env = { SNAKEPIT_RUNTIME_DIR: privateRuntimeDir() };
    const [deadPort, livePort] = [await freePort(), await freePort()];
    // Guards off: nothing in the workers reacts to their owner's death, as
    // when Python is stuck in C code; only the reaper can clean up.
    const doomed = startCli(['run', '--workers', '2', '--status-port', String(deadPort)], {
      ...env,
      SNAKEPIT_GUARDS: 'off',
    });
    const live = startCli(['run', '--workers', '1', '--status-port', String(livePort)], env);
    await Promise.all([
      waitForReady(doomed, `http://127.0.0.1:${deadPort}`),
      waitForReady(live, `http://127.0.0.1:${livePort}`),
    ]);
    const deadRun = doomed.runId()!;
    const liveRun = live.runId()!;
    const orphans = workersOfRun(deadRun);
    expect(orphans).toHaveLength(2);

    doomed.child.kill('SIGKILL');
    await exitOf(doomed, 5_000);
    expect(workersOfRun(deadRun).sort()).toEqual(orphans.sort());

    const ps = await runCli(['ps'], env);
    expect(ps.code).toBe(0);
    expect(ps.stdout).toMatch(
      new RegExp(`${deadRun}\\s+${doomed.pid} dead\\s+\\S+( \\S+)?\\s+orphaned\\s+2/2`),
    );
    expect(ps.stdout).toMatch(
      new RegExp(`${liveRun}\\s+${live.pid} alive\\s+\\S+( \\S+)?\\s+live\\s+1/1`),
    );

    const dryRun = await runCli(['reap', '--dry-run'], env);
    expect(dryRun.code).toBe(0);
    for (const pid of orphans)
      expect(dryRun.stdout).toContain(`would kill pid ${pid} (run ${deadRun}`);
    expect(workersOfRun(deadRun).sort()).toEqual(orphans.sort());

    const reap = await runCli(['reap'], env);
    expect(reap.code).toBe(0);
    for (const pid of orphans)
      expect(reap.stdout).toMatch(new RegExp(`killed pid ${pid} \\(run ${deadRun}`));
    expect(reap.stdout).toContain(`Left alone 1 live run(s): ${liveRun}`);
    await waitFor(() => processesOfRun(deadRun).length === 0, 5_000, 'the orphans are gone');

    expect(workersOfRun(liveRun)).toHaveLength(1);
    expect((await get(`http://127.0.0.1:${livePort}/readyz`)).status).toBe(200);
    const after = await runCli(['ps', '--json'], env);
    const listed = (JSON.parse(after.stdout) as { runs: { runId: string; status: string }[] }).runs;
    expect(listed).toEqual([expect.objectContaining({ runId: liveRun, status: 'live' })]);

    live.child.kill('SIGTERM');
    expect((await exitOf(live, 20_000)).code).toBe(0);
    await waitFor(
      () => processesOfRun(liveRun).length === 0,
      5_000,
      'the live run stopped cleanly',
    );
  });
});
