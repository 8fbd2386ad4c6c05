import { isSnakepitError } from '@snakepit/core';
import type { EventBus, SnakepitEventMap, SnakepitEventName } from '@snakepit/core';
import type { Pool } from '@snakepit/python-bridge';
import { resolveRunConfig } from '../config/resolveRunConfig.js';
import { createRunLogger } from '../run/createRunLogger.js';
import { findRunProcesses } from '../run/findRunProcesses.js';
import { Run } from '../run/Run.js';

/** Options of {@link runDemo}. */
export interface DemoOptions {
  /** Python interpreter. @default resolved (see `resolvePython`) */
  readonly python?: string;
  /** Serve the status page (and /status, /metrics…) on this port while the demo runs. */
  readonly statusPort?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** Receives each line of the story. @default a write to stdout */
  readonly write?: (line: string) => void;
}

const HEARTBEAT = { intervalMs: 500, timeoutMs: 750, maxMissed: 2 };
const STEP_TIMEOUT_MS = 20_000;

/**
 * The README's first command: starts a supervised pool of two real Python
 * workers on the bundled demo adapter and acts out what Snakepit is for —
 * requests served, a worker crashing and being replaced, a hung worker
 * detected by its heartbeat and replaced — then stops cleanly and checks
 * that no process of the run is left. Takes about 10 s.
 *
 * @throws when a step does not happen as it should (the command exits 1).
 */
export async function runDemo(options: DemoOptions = {}): Promise<void> {
  const write = options.write ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const startedAt = performance.now();
  const config = await resolveRunConfig({
    flags: {
      workers: 2,
      heartbeatIntervalMs: HEARTBEAT.intervalMs,
      heartbeatTimeoutMs: HEARTBEAT.timeoutMs,
      heartbeatMaxMissed: HEARTBEAT.maxMissed,
      ...(options.python === undefined ? {} : { python: options.python }),
      ...(options.statusPort === undefined ? {} : { statusPort: options.statusPort }),
      ...(options.host === undefined ? {} : { host: options.host }),
    },
    env: {},
  });
  const run = new Run({
    config: { ...config, pool: { killAfterMs: 1_000, shutdownTimeoutMs: 2_000 } },
    logger: createRunLogger({ format: 'pretty', write: () => {} }),
    isInteractive: false,
  });
  write('snakepit demo: a supervised pool of 2 Python workers on the bundled demo adapter.');
  write(
    `Heartbeat every ${HEARTBEAT.intervalMs} ms; ${HEARTBEAT.maxMissed} missed pings in a row mean a hung worker.`,
  );
  const narrator = narrate(run.bus, write);
  try {
    write('\n▶ Starting 2 workers');
    const pool = await run.start();
    const python = run.python;
    if (python) {
      write(`  Python ${python.pythonVersion} at ${python.path}, grpcio ${python.grpcVersion}`);
    }
    if (run.statusUrl) write(`  live status page: ${run.statusUrl}/`);
    narrator.phase = 'running';
    await serveRequests(pool, write);
    await crashOne(run, pool, write);
    await hangOne(run, pool, write);
    await backToFull(pool, write);
    narrator.phase = 'stopping';
    write('\n▶ Stopping: drain calls → Shutdown frame → SIGTERM → SIGKILL, per worker');
    const stopStartedAt = performance.now();
    await run.stop();
    const left = findRunProcesses(run.runId);
    if (left.length > 0)
      throw new Error(`processes of run ${run.runId} left behind: ${left.join(', ')}`);
    write(
      `  ✓ stopped in ${Math.round(performance.now() - stopStartedAt)} ms; no process of run ${run.runId} is left`,
    );
  } catch (error) {
    run.kill();
    throw error;
  } finally {
    narrator.off();
    await run.stop().catch(() => {});
  }
  write(`\nDone in ${((performance.now() - startedAt) / 1000).toFixed(1)} s. Next:`);
  write('  snakepit run --workers 4 --status-port 8080   # then open http://127.0.0.1:8080/');
  write('  snakepit doctor                               # check this machine');
}

async function serveRequests(pool: Pool, write: (line: string) => void): Promise<void> {
  write('\n▶ Serving requests');
  const byWorker = new Map<string, number>();
  const off = pool.events.on('snakepit.pool.execute.completed', (e) => {
    byWorker.set(e.workerId, (byWorker.get(e.workerId) ?? 0) + 1);
  });
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: 200 }, (_, i) => pool.execute('add', [i, 1])),
  );
  off();
  const spread = [...byWorker].map(([id, n]) => `${id} ${n}`).join(', ');
  write(
    `  ✓ ${results.length} calls of add() in ${Math.round(performance.now() - started)} ms (${spread}); add(199, 1) = ${String(results.at(-1))}`,
  );
  write(
    `  ✓ echo → ${JSON.stringify(await pool.execute('echo', { greeting: 'hello from Node' }))}`,
  );
  const error = await pool.execute('raise_error', { message: 'a deliberate ValueError' }).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  write(`  ✓ a Python exception crosses over: ${error?.name}: ${error?.message.split('\n')[0]}`);
}

async function crashOne(run: Run, pool: Pool, write: (line: string) => void): Promise<void> {
  write('\n▶ A worker crashes: crash(code=3) calls os._exit(3) in the middle of a request');
  const replaced = replacementOf(run, nextWorker(pool));
  const error = await pool.execute('crash', { code: 3 }).then(
    () => undefined,
    (e: unknown) => e,
  );
  write(`  ✗ the call failed: ${describeError(error)}`);
  await replaced;
}

async function hangOne(run: Run, pool: Pool, write: (line: string) => void): Promise<void> {
  write('\n▶ A worker hangs: hang() holds the GIL in C, so it cannot answer a single ping');
  const replaced = replacementOf(run, nextWorker(pool));
  const started = performance.now();
  const error = await pool.execute('hang').then(
    () => undefined,
    (e: unknown) => e,
  );
  write(
    `  ✗ the call failed after ${((performance.now() - started) / 1000).toFixed(1)} s: ${describeError(error)}`,
  );
  await replaced;
}

async function backToFull(pool: Pool, write: (line: string) => void): Promise<void> {
  write('\n▶ Back to full strength');
  await Promise.all(Array.from({ length: 20 }, (_, i) => pool.execute('add', [i, i])));
  const stats = pool.stats();
  const restarts = stats.workers.map((w) => `${w.id} ${w.restarts}`).join(', ');
  write(
    `  ✓ 20 more calls served; ${stats.byState.ready} of ${stats.size} workers ready; restarts: ${restarts}`,
  );
}

/** Resolves when `workerId`'s slot has a new process (to be awaited later). */
function replacementOf(run: Run, workerId: string): Promise<unknown> {
  const replaced = waitForEvent(
    run.bus,
    'snakepit.worker.process.started',
    (e) => e.workerId === workerId,
  );
  replaced.catch(() => {}); // awaited later; must not count as unhandled meanwhile
  return replaced;
}

/** The worker the router picks next: the first ready one with the fewest calls in flight. */
function nextWorker(pool: Pool): string {
  const ready = pool.stats().workers.filter((w) => w.state === 'ready');
  const worker = ready.sort((a, b) => a.inFlight - b.inFlight)[0];
  if (!worker) throw new Error('no ready worker');
  return worker.id;
}

function describeError(error: unknown): string {
  if (isSnakepitError(error)) return `${error.code} (${error.message})`;
  if (error === undefined) return 'it succeeded, unexpectedly';
  return error instanceof Error ? error.message : JSON.stringify(error);
}

interface Narrator {
  phase: 'starting' | 'running' | 'stopping';
  off(): void;
}

/** Prints the lifecycle events the demo is about, as they happen. */
function narrate(bus: EventBus, write: (line: string) => void): Narrator {
  const narrator: Narrator = { phase: 'starting', off: () => {} };
  const offs = [
    bus.on('snakepit.worker.process.started', (e) => {
      const again = narrator.phase === 'starting' ? '' : ' again';
      write(
        `  ✓ ${e.workerId} ready${again}: pid ${e.pid ?? '?'} (started in ${Math.round(e.startMs)} ms)`,
      );
    }),
    bus.on('snakepit.worker.process.terminated', (e) => {
      const { exit } = e;
      const how = exit.signal ?? `exit code ${String(exit.exitCode)}`;
      if (narrator.phase === 'stopping') {
        write(
          `  ■ ${e.workerId} (pid ${e.pid ?? '?'}) stopped: ${exit.method} in ${Math.round(exit.cleanupMs)} ms`,
        );
      } else {
        write(`  ✗ ${e.workerId} (pid ${e.pid ?? '?'}) ended: ${exit.reason}, ${how}`);
      }
    }),
    bus.on('snakepit.worker.heartbeat.timeout', (e) => {
      const verdict = e.missed >= HEARTBEAT.maxMissed ? ': hung, the supervisor kills it' : '';
      write(
        `  … ${e.workerId} (pid ${e.pid ?? '?'}) missed heartbeat ${e.missed} of ${HEARTBEAT.maxMissed}${verdict}`,
      );
    }),
    bus.on('snakepit.supervisor.child.restarted', (e) => {
      write(
        `  ↻ the supervisor restarts ${e.childId} after ${e.delayMs} ms (${e.reason.replace(/^[A-Za-z]*Error: /, '')})`,
      );
    }),
  ];
  narrator.off = () => offs.forEach((off) => off());
  return narrator;
}

function waitForEvent<N extends SnakepitEventName>(
  bus: EventBus,
  name: N,
  predicate: (payload: SnakepitEventMap[N]) => boolean,
): Promise<SnakepitEventMap[N]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`the demo waited ${STEP_TIMEOUT_MS} ms for ${name} in vain`));
    }, STEP_TIMEOUT_MS);
    const off = bus.on(name, (payload) => {
      if (!predicate(payload)) return;
      clearTimeout(timer);
      off();
      resolve(payload);
    });
  });
}
