import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { processesOfRun, waitFor, workersOfRun } from '../support/processes.js';
import { buildCli, cleanUp, exitOf, freePort, get, startCli, waitForReady } from './cli.js';

interface Status {
  pid: number;
  runId: string;
  size: number;
  workers: {
    id: string;
    pid: number | null;
    state: string;
    restarts: number;
    lastHeartbeatMs: number | null;
    uptimeMs: number | null;
  }[];
}

beforeAll(buildCli, 120_000);
afterEach(cleanUp);

function environOf(pid: number): string[] {
  return readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0');
}

describe('snakepit run', () => {
  it('serves /healthz, /readyz, /status and /metrics, and stops on SIGTERM leaving no process', async () => {
    const port = await freePort();
    const cli = startCli(['run', '--workers', '2', '--status-port', String(port)]);
    const base = `http://127.0.0.1:${port}`;
    await waitForReady(cli, base);

    expect(await get(`${base}/healthz`)).toMatchObject({ status: 200 });
    const status = JSON.parse((await get(`${base}/status`)).body) as Status;
    expect(status.pid).toBe(cli.pid);
    expect(status.size).toBe(2);
    expect(status.workers).toHaveLength(2);
    for (const worker of status.workers) {
      expect(worker).toMatchObject({ state: 'ready', restarts: 0 });
      expect(worker.pid).toEqual(expect.any(Number));
      expect(worker.uptimeMs).toEqual(expect.any(Number));
      const env = environOf(worker.pid!);
      expect(env).toContain(`SNAKEPIT_RUN_ID=${status.runId}`);
      expect(env).toContain(`SNAKEPIT_OWNER_PID=${cli.pid}`);
    }
    expect(workersOfRun(status.runId).sort()).toEqual(status.workers.map((w) => w.pid).sort());

    const metrics = await get(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('snakepit_worker_process_started_total');
    // The fault counters are there from the first scrape, at 0 (seeded at start).
    for (const name of [
      'snakepit_worker_heartbeat_timeout_total',
      'snakepit_worker_process_terminated_total',
      'snakepit_worker_cleanup_completed_total',
    ]) {
      expect(metrics.body).toMatch(new RegExp(`^${name}\\{[^}]*\\} 0$`, 'm'));
    }
    expect(metrics.body).toContain(`snakepit_run_id="${status.runId}"`);
    const page = await get(`${base}/`);
    expect(page.body).toContain("new EventSource('events')");

    cli.child.kill('SIGTERM');
    expect(await exitOf(cli, 20_000)).toEqual({ code: 0, signal: null });
    expect(cli.output()).toContain('SIGTERM: stopping gracefully');
    await waitFor(
      () => processesOfRun(status.runId).length === 0,
      5_000,
      'no process of the run left',
    );
    expect((await get(`${base}/healthz`)).status).toBe(0);
  });

  it('serves /metrics on --metrics-port, and /readyz follows --min-ready', async () => {
    const [port, metricsPort] = [await freePort(), await freePort()];
    const cli = startCli([
      'run',
      ...['--workers', '2', '--min-ready', '1'],
      ...['--status-port', String(port), '--metrics-port', String(metricsPort)],
      ...['--log-format', 'json'],
    ]);
    await waitForReady(cli, `http://127.0.0.1:${port}`);
    expect((await get(`http://127.0.0.1:${port}/readyz`)).body).toMatch(/minimum 1/);
    const metrics = await get(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(metrics.body).toContain('snakepit_worker_heartbeat');
    expect((await get(`http://127.0.0.1:${metricsPort}/status`)).status).toBe(404);
    // JSON lines, each with the run id.
    const lines = cli
      .stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string; runId: string });
    expect(lines.some((l) => l.event === 'snakepit.worker.process.started')).toBe(true);
    expect(new Set(lines.map((l) => l.runId)).size).toBe(1);
    cli.child.kill('SIGINT');
    expect((await exitOf(cli, 20_000)).code).toBe(0);
  });

  it('kills every worker at once on a second signal and exits 143', async () => {
    const port = await freePort();
    const cli = startCli(['run', '--workers', '2', '--status-port', String(port)]);
    await waitForReady(cli, `http://127.0.0.1:${port}`);
    const runId = cli.runId()!;
    // A stopped worker cannot answer its Shutdown frame, so the graceful stop
    // lasts its whole budget (5 s): the second signal surely lands during it.
    const status = (await (await fetch(`http://127.0.0.1:${port}/status`)).json()) as {
      workers: { pid: number }[];
    };
    process.kill(status.workers[0]!.pid, 'SIGSTOP');
    // Signals sent back to back may be handled in either order: wait until
    // the first one is acknowledged before sending the second.
    cli.child.kill('SIGINT');
    await waitFor(
      () => cli.output().includes('SIGINT: stopping gracefully'),
      5_000,
      'first signal',
    );
    cli.child.kill('SIGTERM');
    expect(await exitOf(cli, 10_000)).toEqual({ code: 143, signal: null });
    expect(cli.output()).toMatch(/SIGTERM again: killed \d+ process/);
    await waitFor(() => processesOfRun(runId).length === 0, 2_000, 'no process of the run left');
  });

  it('exits 1 with the reason when the pool cannot become ready', async () => {
    const cli = startCli(['run', '--workers', '1', '--adapter', 'no_such_adapter_module']);
    const exit = await exitOf(cli, 30_000);
    expect(exit.code).toBe(1);
    expect(cli.output()).toContain('the pool could not become ready');
    expect(cli.output()).toContain("No module named 'no_such_adapter_module'");
    expect(processesOfRun(cli.runId()!)).toEqual([]);
  });
});
