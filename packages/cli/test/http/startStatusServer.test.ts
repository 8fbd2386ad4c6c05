import { request } from 'node:http';
import { EventBus } from '@snakepit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { startStatusServer } from '../../src/http/startStatusServer.js';
import type { StatusServer } from '../../src/http/startStatusServer.js';
import { RunMonitor } from '../../src/run/RunMonitor.js';

const servers: StatusServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function setUp(minReady = 2): { bus: EventBus; monitor: RunMonitor } {
  const bus = new EventBus();
  const monitor = new RunMonitor(bus, {
    runId: 'run-1',
    size: 2,
    minReady,
    heartbeat: { intervalMs: 2000, timeoutMs: 2000, maxMissed: 3 },
  });
  return { bus, monitor };
}

async function serve(monitor: RunMonitor, metrics?: string): Promise<string> {
  const server = await startStatusServer({
    port: 0,
    monitor,
    metrics: metrics === undefined ? undefined : { handle: (_, res) => res.end(metrics) },
    statusIntervalMs: 50,
  });
  servers.push(server);
  return server.url;
}

function becomeReady(bus: EventBus, workerId: string, pid: number): void {
  bus.emit('snakepit.pool.worker.state', {
    poolId: 'pool',
    workerId,
    from: 'stopped',
    to: 'starting',
  });
  bus.emit('snakepit.pool.worker.state', {
    poolId: 'pool',
    workerId,
    from: 'starting',
    to: 'ready',
  });
  bus.emit('snakepit.worker.process.started', {
    workerId,
    runId: 'run-1',
    pid,
    timestampMs: Date.now(),
    startMs: 300,
    grpcAddress: 'unix:///x.sock',
  });
}

describe('startStatusServer', () => {
  it('answers /healthz always and /readyz once minReady workers are ready', async () => {
    const { bus, monitor } = setUp(2);
    const url = await serve(monitor);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/readyz`)).status).toBe(503);
    becomeReady(bus, 'pool.w1', 101);
    const half = await fetch(`${url}/readyz`);
    expect(half.status).toBe(503);
    expect(await half.text()).toContain('1 of 2 workers ready (minimum 2)');
    becomeReady(bus, 'pool.w2', 102);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    monitor.setState('stopping');
    expect((await fetch(`${url}/readyz`)).status).toBe(503);
  });

  it('reports workers on /status before the pool exists, from events', async () => {
    const { bus, monitor } = setUp(1);
    const url = await serve(monitor);
    becomeReady(bus, 'pool.w1', 101);
    bus.emit('snakepit.worker.heartbeat.received', {
      workerId: 'pool.w1',
      runId: 'run-1',
      pid: 101,
      timestampMs: Date.now(),
      seq: 1,
      latencyMs: 0.5,
      rssBytes: 1,
    });
    const status = (await (await fetch(`${url}/status`)).json()) as Record<string, unknown>;
    expect(status).toMatchObject({
      pid: process.pid,
      runId: 'run-1',
      size: 2,
      isReady: true,
      workers: [
        {
          id: 'pool.w1',
          pid: 101,
          state: 'ready',
          restarts: 0,
          heartbeatLatencyMs: 0.5,
          heartbeatLatencyHistoryMs: [0.5],
        },
      ],
    });
  });

  it('serves /metrics from the endpoint given, 404 without one, 405 for other methods', async () => {
    const { monitor } = setUp();
    const withMetrics = await serve(monitor, 'snakepit_x 1\n');
    expect(await (await fetch(`${withMetrics}/metrics`)).text()).toBe('snakepit_x 1\n');
    const without = await serve(monitor);
    expect((await fetch(`${without}/metrics`)).status).toBe(404);
    expect((await fetch(`${without}/nope`)).status).toBe(404);
    expect((await fetch(`${without}/status`, { method: 'POST' })).status).toBe(405);
  });

  it('serves only /metrics on a metrics port', async () => {
    const { monitor } = setUp();
    const server = await startStatusServer({
      port: 0,
      monitor,
      metrics: { handle: (_, res) => res.end('m') },
      isMetricsOnly: true,
    });
    servers.push(server);
    expect(await (await fetch(`${server.url}/metrics`)).text()).toBe('m');
    expect((await fetch(`${server.url}/status`)).status).toBe(404);
  });

  it('streams a snapshot, then lifecycle entries and status events, on /events', async () => {
    const { bus, monitor } = setUp();
    const url = await serve(monitor);
    const events: { event: string; data: unknown }[] = [];
    const req = request(`${url}/events`);
    const gotRestart = new Promise<void>((resolve) => {
      req.on('response', (res) => {
        expect(res.headers['content-type']).toContain('text/event-stream');
        let buffer = '';
        res.setEncoding('utf8').on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event && data) events.push({ event, data: JSON.parse(data) as unknown });
            if (event === 'lifecycle' && data?.includes('restarted')) resolve();
          }
        });
      });
    });
    req.end();
    await new Promise((resolve) => setTimeout(resolve, 100));
    bus.emit('snakepit.supervisor.child.restarted', {
      supervisorId: 'pool',
      timestampMs: Date.now(),
      childId: 'pool.w1',
      causeChildId: 'pool.w1',
      reason: 'SnakepitError: Python worker ended (crashed, exit code 3)\ntraceback…',
      strategy: 'one_for_one',
      delayMs: 100,
      restartCount: 1,
    });
    await gotRestart;
    req.destroy();
    expect(events[0]?.event).toBe('snapshot');
    expect(events.some((e) => e.event === 'status')).toBe(true);
    expect(events.find((e) => e.event === 'lifecycle')?.data).toMatchObject({
      kind: 'restarted',
      workerId: 'pool.w1',
      message: 'pool.w1 restarted (#1, after 100 ms): Python worker ended (crashed, exit code 3)',
    });
  });

  it('fails with the address when the port is taken', async () => {
    const { monitor } = setUp();
    const url = await serve(monitor);
    const port = Number(new URL(url).port);
    await expect(startStatusServer({ port, monitor, metrics: undefined })).rejects.toThrow(
      `Could not listen on 127.0.0.1:${port}: the port is in use`,
    );
  });

  it('answers only requests that name it: IPs, localhost and allowedHosts, else 421 (DNS rebinding)', async () => {
    const { monitor } = setUp();
    const server = await startStatusServer({
      port: 0,
      monitor,
      metrics: undefined,
      allowedHosts: ['snakepit.internal'],
    });
    servers.push(server);
    const statusWithHost = (host: string): Promise<{ status: number; body: string }> =>
      new Promise((resolve, reject) => {
        const req = request(`${server.url}/status`, { headers: { host } }, (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject).end();
      });
    for (const host of [
      `127.0.0.1:${server.port}`,
      `localhost:${server.port}`,
      `[::1]:${server.port}`,
      `10.1.2.3:${server.port}`,
      `SNAKEPIT.internal:${server.port}`,
    ]) {
      expect((await statusWithHost(host)).status, host).toBe(200);
    }
    const rebound = await statusWithHost(`attacker.example:${server.port}`);
    expect(rebound.status).toBe(421);
    expect(rebound.body).toContain('"attacker.example:');
    expect(rebound.body).toContain('allowedHosts');
    expect(rebound.body).not.toContain('run-1');
  });
});
