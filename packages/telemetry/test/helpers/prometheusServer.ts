import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The Debian `prometheus` package's server (CI installs it with apt). */
export const PROMETHEUS_BIN = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';
/** The Debian `prometheus` package's rule checker. */
export const PROMTOOL_BIN = process.env.PROMTOOL_BIN ?? '/usr/bin/promtool';

/** A TCP port free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A Prometheus server started by a test, on loopback, with its own storage. */
export interface PrometheusServer {
  readonly url: string;
  /** Runs an instant query; returns the `data.result` vector. */
  query(promql: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]>;
  /** GETs an API path (`/api/v1/targets`…) and returns `data`. */
  api<T>(path: string): Promise<T>;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s) and removes its storage. */
  stop(): Promise<void>;
  /** What it printed (for failure messages). */
  output(): string;
}

/**
 * Starts `prometheus` scraping `target` (host:port) every second, with
 * `ruleFiles` loaded and evaluated every second.
 */
export async function startPrometheus(
  target: string,
  ruleFiles: string[] = [],
): Promise<PrometheusServer> {
  const dir = await mkdtemp(join(tmpdir(), 'snakepit-prom-'));
  const port = await freePort();
  const config = {
    global: { scrape_interval: '1s', scrape_timeout: '900ms', evaluation_interval: '1s' },
    rule_files: ruleFiles,
    scrape_configs: [{ job_name: 'snakepit', static_configs: [{ targets: [target] }] }],
  };
  // JSON is YAML.
  await writeFile(join(dir, 'prometheus.yml'), JSON.stringify(config));
  const child: ChildProcess = spawn(
    PROMETHEUS_BIN,
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };
  const api = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${url}${path}`);
    const body = (await response.json()) as { status: string; data: T; error?: string };
    if (body.status !== 'success') throw new Error(`${path}: ${body.error ?? response.status}`);
    return body.data;
  };
  try {
    await waitFor(
      async () => (await fetch(`${url}/-/ready`)).ok,
      20_000,
      () => output,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    api,
    query: async (promql) =>
      (
        await api<{ result: { metric: Record<string, string>; value: [number, string] }[] }>(
          `/api/v1/query?query=${encodeURIComponent(promql)}`,
        )
      ).result,
    stop,
    output: () => output,
  };
}

/** Polls `check` every 200 ms until it is true or `timeoutMs` passed. */
export async function waitFor(
  check: () => Promise<boolean>,
  timeoutMs: number,
  describe: () => string = () => '',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const why = lastError instanceof Error ? lastError.message : '';
  throw new Error(`Timed out after ${timeoutMs} ms: ${why}\n${describe()}`);
}
