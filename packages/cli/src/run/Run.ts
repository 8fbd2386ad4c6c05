import { EventBus } from '@snakepit/core';
import { resolvePython } from '@snakepit/core/process';
import { createRunId, killRunProcesses } from '@snakepit/core/run';
import type { ResolvedPython } from '@snakepit/core/process';
import { createPool } from '@snakepit/python-bridge';
import type { Pool } from '@snakepit/python-bridge';
import { toPoolOptions } from '../config/resolveRunConfig.js';
import type { ResolvedRunConfig } from '../config/resolveRunConfig.js';
import { startStatusServer } from '../http/startStatusServer.js';
import type { StatusServer } from '../http/startStatusServer.js';
import { createRunLogger } from './createRunLogger.js';
import type { RunLogger } from './createRunLogger.js';
import { describeEvent } from './describeEvent.js';
import { RunMonitor } from './RunMonitor.js';
import { StartupProgress } from './StartupProgress.js';
import { startTelemetry } from './startTelemetry.js';
import type { RunTelemetry } from './startTelemetry.js';

const TELEMETRY_SHUTDOWN_MS = 5_000;

/** Options of {@link Run}. */
export interface RunOptions {
  readonly config: ResolvedRunConfig;
  /** @default a logger of `config.logFormat` writing to stdout */
  readonly logger?: RunLogger;
  /** @default a fresh run id */
  readonly runId?: string;
  /** Draw a progress bar while workers start. @default stderr is a TTY (never with JSON logs) */
  readonly isInteractive?: boolean;
  /** Status page refresh of idle pages, ms. @default 1000 */
  readonly statusIntervalMs?: number;
}

/**
 * One `snakepit run`: the pool, its telemetry and its HTTP endpoints,
 * started and stopped in the right order. Signals and exit codes are the
 * command's business (see `runCommand`); `Run` only does what it is told.
 */
export class Run {
  readonly runId: string;
  readonly bus = new EventBus();
  readonly config: ResolvedRunConfig;
  readonly monitor: RunMonitor;
  readonly logger: RunLogger;
  /** `http://host:port` of the status server, once it listens. */
  statusUrl: string | undefined;
  /** The interpreter, once resolved. */
  python: ResolvedPython | undefined;
  /** Resolves with the reason when the pool gives up on its own (restart intensity exceeded). */
  readonly failed: Promise<string>;
  readonly #options: RunOptions;
  readonly #servers: StatusServer[] = [];
  #pool: Pool | undefined;
  #telemetry: RunTelemetry | undefined;
  #starting: Promise<Pool> | undefined;
  #stopping: Promise<void> | undefined;

  /**
   * Sets up a run (id, logger, monitor) without starting anything; see
   * {@link Run.start}. Built by the `run` and `demo` commands; not meant to
   * be called directly.
   */
  constructor(options: RunOptions) {
    this.#options = options;
    this.config = options.config;
    this.runId = options.runId ?? createRunId();
    this.logger =
      options.logger ??
      createRunLogger({ format: options.config.logFormat, fields: { runId: this.runId } });
    this.monitor = new RunMonitor(this.bus, {
      runId: this.runId,
      size: this.config.workers,
      minReady: this.config.minReady,
      heartbeat: this.config.heartbeat,
    });
    this.#logEvents();
    this.failed = new Promise((resolve) => {
      this.bus.on('snakepit.pool.failed', (e) => {
        this.monitor.setState('failed');
        resolve(e.reason);
      });
    });
  }

  /** The pool, once started. */
  get pool(): Pool | undefined {
    return this.#pool;
  }

  /**
   * Starts telemetry, the HTTP endpoints and the pool; resolves once every
   * worker is ready. On failure everything started is stopped again.
   *
   * @throws the error of `createPool` (`PYTHON_NOT_FOUND`, `POOL_STOPPED`…),
   *   or `INVALID_OPTIONS` when a port cannot be listened on.
   */
  start(): Promise<Pool> {
    this.#starting ??= this.#start();
    return this.#starting;
  }

  /** Stops the pool gracefully (drain → Shutdown → SIGTERM → SIGKILL), then the endpoints. Idempotent. */
  stop(): Promise<void> {
    this.#stopping ??= this.#stop();
    return this.#stopping;
  }

  /**
   * SIGKILLs every process of the run now, and the group of each that leads
   * one, each verified by its environment right before the signal (see
   * `killRunProcesses`); returns the pids signalled.
   */
  kill(): number[] {
    return killRunProcesses(this.runId).map((proc) => proc.pid);
  }

  async #start(): Promise<Pool> {
    const { config } = this;
    // No keep-alive of our own: the pool keeps Node alive while a worker has
    // no process (a restart backoff), although its timers are unref'd.
    const startedAt = performance.now();
    this.#record(
      'info',
      'snakepit.cli.run.starting',
      `run ${this.runId}: starting ${config.workers} worker${config.workers === 1 ? '' : 's'} of ${config.adapter}`,
    );
    try {
      // Both take a while (a Python probe; loading the OpenTelemetry SDK): at
      // once, and both settled before a failure closes what was started.
      const [resolved, endpoints] = await Promise.allSettled([
        resolvePython({
          ...(config.python === undefined ? {} : { python: config.python }),
          // Framed workers never import grpc: an interpreter without it serves them.
          requireGrpc: config.transport === 'grpc',
        }),
        this.#startEndpoints(),
      ]);
      if (endpoints.status === 'rejected') throw endpoints.reason;
      if (resolved.status === 'rejected') throw resolved.reason;
      const python = resolved.value;
      this.python = python;
      this.logger.log(
        'info',
        'snakepit.cli.python',
        `Python ${python.pythonVersion} at ${python.path} (${python.source}), grpcio ${python.grpcVersion || 'not installed'}, protobuf ${python.protobufVersion}, transport ${config.transport}`,
        { ...python },
      );
      const pool = await this.#startPool(python.path);
      this.#pool = pool;
      this.monitor.attach(pool);
      this.monitor.setState('running');
      const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
      this.#record(
        'info',
        'snakepit.cli.run.ready',
        `ready: ${config.workers} of ${config.workers} workers in ${seconds} s`,
      );
      return pool;
    } catch (error) {
      this.monitor.setState('failed');
      await this.#closeEndpoints();
      throw error;
    }
  }

  async #startEndpoints(): Promise<void> {
    const { config } = this;
    const hasPort = config.statusPort !== undefined || config.metricsPort !== undefined;
    this.#telemetry = await startTelemetry({
      bus: this.bus,
      runId: this.runId,
      prometheus: hasPort,
      otlp: config.otlp,
    });
    if (config.otlp) {
      this.logger.log(
        'info',
        'snakepit.cli.otlp',
        `pushing metrics and spans over OTLP (${config.otlp.protocol}) to ${config.otlp.endpoint ?? 'the OTEL_EXPORTER_OTLP_ENDPOINT'}`,
      );
    }
    const common = {
      ...{ host: config.host, allowedHosts: config.allowedHosts },
      ...{ monitor: this.monitor, metrics: this.#telemetry.metrics },
    };
    if (config.statusPort !== undefined) {
      const server = await startStatusServer({
        ...common,
        port: config.statusPort,
        ...(this.#options.statusIntervalMs === undefined
          ? {}
          : { statusIntervalMs: this.#options.statusIntervalMs }),
      });
      this.#servers.push(server);
      this.statusUrl = server.url;
      this.logger.log(
        'info',
        'snakepit.cli.http.listening',
        `status page ${server.url}/ (also /healthz /readyz /status /metrics)`,
        { url: server.url, port: server.port },
      );
    }
    if (config.metricsPort !== undefined) {
      const server = await startStatusServer({
        ...common,
        port: config.metricsPort,
        isMetricsOnly: true,
      });
      this.#servers.push(server);
      this.logger.log(
        'info',
        'snakepit.cli.metrics.listening',
        `Prometheus metrics ${server.url}/metrics`,
        { url: `${server.url}/metrics`, port: server.port },
      );
    }
  }

  async #startPool(python: string): Promise<Pool> {
    const isInteractive =
      this.#options.isInteractive ??
      (this.config.logFormat === 'pretty' && process.stderr.isTTY === true);
    const progress = new StartupProgress({
      total: this.config.workers,
      logger: this.logger,
      isInteractive,
    });
    // onAny, registered after the logger's: "N of M ready" follows the worker's own line.
    const off = this.bus.onAny((name, payload) => {
      if (name === 'snakepit.worker.process.started') {
        progress.workerReady((payload as { workerId: string }).workerId);
      }
    });
    try {
      return await createPool({ ...toPoolOptions(this.config, this.runId), python, bus: this.bus });
    } finally {
      off();
      progress.done();
    }
  }

  async #stop(): Promise<void> {
    await this.#starting?.catch(() => {});
    const startedAt = performance.now();
    if (this.#pool) {
      if (this.monitor.state !== 'failed') this.monitor.setState('stopping');
      await this.#pool.stop();
      if (this.monitor.state !== 'failed') this.monitor.setState('stopped');
      this.#record(
        'info',
        'snakepit.cli.run.stopped',
        `stopped in ${Math.round(performance.now() - startedAt)} ms`,
      );
    }
    await this.#closeEndpoints();
  }

  async #closeEndpoints(): Promise<void> {
    await Promise.all(this.#servers.splice(0).map((server) => server.close()));
    if (!this.#telemetry) return;
    // An unreachable collector makes the OTLP exporters retry for a long
    // time: the last export gets a bounded budget, the stop must go on.
    const outcome = await settleWithin(this.#telemetry.shutdown(), TELEMETRY_SHUTDOWN_MS);
    if (outcome === 'ok') return;
    const why =
      outcome === 'timeout'
        ? `did not finish within ${TELEMETRY_SHUTDOWN_MS} ms`
        : `failed: ${outcome.message}`;
    this.logger.log(
      'warn',
      'snakepit.cli.telemetry.error',
      `the last telemetry export ${why} (is the OTLP collector reachable?)`,
    );
  }

  #record(level: 'info' | 'warn' | 'error', event: string, message: string): void {
    this.logger.log(level, event, message);
    this.monitor.record(level, 'run', event, message);
  }

  #logEvents(): void {
    const context = { maxMissed: this.config.heartbeat.maxMissed };
    this.bus.onAny((name, payload) => {
      const described = describeEvent(name, payload, context);
      if (described) this.logger.log(described.level, name, described.message, { ...payload });
    });
  }
}

async function settleWithin(promise: Promise<void>, ms: number): Promise<'ok' | 'timeout' | Error> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([
      promise.then(
        () => 'ok' as const,
        (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
