import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { killRun, waitFor } from '../support/processes.js';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The built command, as `pnpm demo` and users run it. */
export const BIN = join(ROOT, 'packages', 'cli', 'dist', 'bin.js');

/** Builds the CLI and what it depends on (incremental: fast when nothing changed). */
export function buildCli(): void {
  execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-b', 'packages/cli'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

/** How a CLI process ended. */
export interface CliExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** A running `node packages/cli/dist/bin.js …`. */
export interface CliProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly exited: Promise<CliExit>;
  /** stdout and stderr so far, interleaved as they arrived. */
  output(): string;
  stdout(): string;
  stderr(): string;
  /** The run id the CLI printed (`run <id>: starting …`), once it has. */
  runId(): string | undefined;
}

const started = new Set<CliProcess>();
const runtimeDirs: string[] = [];

/**
 * A private runtime directory (registry and sockets) for one test: runs
 * started there neither reap nor are reaped by other tests' runs.
 */
export function privateRuntimeDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'snakepit-cli-test-'));
  runtimeDirs.push(dir);
  return dir;
}

/**
 * Starts the CLI with `args` (in a private runtime directory unless `env`
 * names one); every process started is killed by {@link cleanUp}.
 */
export function startCli(args: readonly string[], env: Record<string, string> = {}): CliProcess {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', SNAKEPIT_RUNTIME_DIR: privateRuntimeDir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error('could not spawn the CLI');
  let all = '';
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    all += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
    all += chunk;
  });
  const exited = new Promise<CliExit>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  const cli: CliProcess = {
    child,
    pid: child.pid,
    exited,
    output: () => all,
    stdout: () => out,
    stderr: () => err,
    runId: () => /run (\S+): starting/.exec(out)?.[1] ?? /"runId":"([^"]+)"/.exec(out)?.[1],
  };
  started.add(cli);
  return cli;
}

/** Runs the CLI to its end (SIGKILLed after `timeoutMs`). */
export async function runCli(
  args: readonly string[],
  env: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<CliExit & { stdout: string; stderr: string; output: string }> {
  const cli = startCli(args, env);
  const timer = setTimeout(() => cli.child.kill('SIGKILL'), timeoutMs);
  const exit = await cli.exited;
  clearTimeout(timer);
  return { ...exit, stdout: cli.stdout(), stderr: cli.stderr(), output: cli.output() };
}

/** Waits for the process to exit, failing after `timeoutMs`. */
export async function exitOf(cli: CliProcess, timeoutMs: number): Promise<CliExit> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the CLI did not exit within ${timeoutMs} ms:\n${cli.output()}`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([cli.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Kills every CLI started and every process of their runs, and removes the
 * private runtime directories. Runs after each test, failed or not.
 */
export async function cleanUp(): Promise<void> {
  for (const cli of started) {
    cli.child.kill('SIGKILL');
    const runId = cli.runId();
    if (runId !== undefined) await killRun(runId);
  }
  await Promise.all([...started].map((cli) => cli.exited));
  for (const cli of started) {
    const runId = cli.runId();
    if (runId !== undefined) await killRun(runId);
  }
  started.clear();
  for (const dir of runtimeDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** GET `url`: status and body; status 0 when nothing answers. */
export async function get(url: string): Promise<{ status: number; body: string }> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    return { status: response.status, body: await response.text() };
  } catch {
    return { status: 0, body: '' };
  }
}

/** Polls `<base>/readyz` until 200; fails early if the CLI exits. */
export async function waitForReady(
  cli: CliProcess,
  base: string,
  timeoutMs = 30_000,
): Promise<void> {
  let hasExited = false;
  void cli.exited.then(() => (hasExited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited) throw new Error(`the CLI exited before it was ready:\n${cli.output()}`);
    if ((await get(`${base}/readyz`)).status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${base}/readyz was not 200 within ${timeoutMs} ms:\n${cli.output()}`);
}

export { waitFor };
