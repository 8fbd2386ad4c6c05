import { poolOptionsSchema } from '@snakepit/python-bridge/internal';
import { z } from 'zod';
import { CONFIG_FIELDS } from './configFields.js';

const f = CONFIG_FIELDS;

/**
 * The pool options a config file may set under `pool` (see `createPool`):
 * all but those that have a top-level key of their own.
 */
export const poolSectionSchema = poolOptionsSchema.omit({
  size: true,
  adapter: true,
  python: true,
  pythonPath: true,
  watchdog: true,
  cgroup: true,
  placement: true,
  transport: true,
  heartbeat: true,
  runId: true,
});

/** Validation schema of {@link SnakepitConfig}: what a config file holds. */
export const snakepitConfigSchema = z.strictObject({
  /** Number of Python workers (1–1000). @default 2 */
  workers: f.workers.schema.optional(),
  /** Python interpreter. @default resolved: SNAKEPIT_PYTHON → .venv → python3 on PATH → /usr/bin/python3 */
  python: f.python.schema.optional(),
  /** Python module with the commands. @default 'snakepit_worker.demo_adapter' */
  adapter: f.adapter.schema.optional(),
  /** Extra `PYTHONPATH` entries (where the adapter lives), relative to the config file. @default [] */
  pythonPath: f.pythonPath.schema.optional(),
  /** Interface of the status and metrics servers. @default '127.0.0.1' */
  host: f.host.schema.optional(),
  /** Host names the HTTP servers answer besides IP addresses, `localhost` and `host` (others get 421: DNS rebinding). @default [] */
  allowedHosts: f.allowedHosts.schema.optional(),
  /** Port of /healthz, /readyz, /status, /metrics, /events and the live page; 0 picks a free one. No server when absent. */
  statusPort: f.statusPort.schema.optional(),
  /** A second port serving only /metrics (for a scraper on another interface policy). */
  metricsPort: f.metricsPort.schema.optional(),
  /** Ready (or busy) workers /readyz needs. @default workers */
  minReady: f.minReady.schema.optional(),
  /** OTLP collector base URL; metrics and spans are pushed there. @default none (OTEL_EXPORTER_OTLP_ENDPOINT also turns it on) */
  otlpEndpoint: f.otlpEndpoint.schema.optional(),
  /** OTLP transport. @default 'http/protobuf' */
  otlpProtocol: f.otlpProtocol.schema.optional(),
  /** Time between two heartbeat pings, ms (100–60000). @default 2000 */
  heartbeatIntervalMs: f.heartbeatIntervalMs.schema.optional(),
  /** A ping not answered within this is a miss, ms (50–300000). @default 2000 */
  heartbeatTimeoutMs: f.heartbeatTimeoutMs.schema.optional(),
  /** Consecutive misses that make a worker hung (1–100). @default 3 */
  heartbeatMaxMissed: f.heartbeatMaxMissed.schema.optional(),
  /** Start the run's watchdog process (kills the workers if this process dies). @default false */
  watchdog: f.watchdog.schema.optional(),
  /** Workers in cgroups of their own where available (`auto`), never (`off`), or fail without (`require`). @default 'auto' */
  cgroup: f.cgroup.schema.optional(),
  /**
   * Where the workers' control planes run: a thread each (`dedicated`), one
   * per core shared (`shared`), the main thread (`inline`), or `auto`:
   * dedicated up to 10 workers, shared beyond. @default 'auto'
   */
  placement: f.placement.schema.optional(),
  /**
   * The data plane of calls: length-prefixed frames on a Unix socket
   * (`framed`; the workers' Python needs no grpcio) or a gRPC server in each
   * worker (`grpc`). @default 'framed'
   */
  transport: f.transport.schema.optional(),
  /** `pretty` lines for people, `json` lines for log collectors. @default 'pretty' */
  logFormat: f.logFormat.schema.optional(),
  /** Any other `createPool` option: `startTimeoutMs`, `shutdownTimeoutMs`, `restart`, `recycle`, `env`… */
  pool: poolSectionSchema.optional(),
});

/** A `snakepit run` configuration, as a config file (or `defineConfig`) writes it. */
export type SnakepitConfig = z.input<typeof snakepitConfigSchema>;
