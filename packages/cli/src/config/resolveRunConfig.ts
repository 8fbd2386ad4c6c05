import { accessSync, constants } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { SnakepitError } from '@snakepit/core';
import type { PoolOptions } from '@snakepit/python-bridge';
import { CONFIG_FIELDS } from './configFields.js';
import type { ConfigKey } from './configFields.js';
import { pickEnv, pickFlags, readFileLayer, validateLayer } from './readConfigLayers.js';
import type { Values } from './readConfigLayers.js';
import type { SnakepitConfig } from './snakepitConfigSchema.js';

type Placement = NonNullable<PoolOptions['placement']>;
type Transport = NonNullable<PoolOptions['transport']>;

/** Where a resolved value came from. */
export type ConfigSource = 'flag' | 'file' | 'env' | 'default';

/** What {@link resolveRunConfig} reads. */
export interface RunConfigSources {
  /** Flag values by config key (text as typed, or booleans), plus `config`, the config file. */
  readonly flags?: Readonly<Partial<Record<ConfigKey | 'config', unknown>>>;
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** Base of relative paths given by flags and environment variables. @default process.cwd() */
  readonly cwd?: string;
}

/** The configuration of one `snakepit run`, every key resolved. */
export interface ResolvedRunConfig {
  /** The config file read, if any. */
  readonly configFile: string | undefined;
  readonly workers: number;
  /** An absolute interpreter path, or `undefined` to let `resolvePython` choose. */
  readonly python: string | undefined;
  readonly adapter: string;
  /** Absolute directories. */
  readonly pythonPath: readonly string[];
  readonly host: string;
  /** Host names the HTTP servers answer besides IP addresses, `localhost` and `host`. */
  readonly allowedHosts: readonly string[];
  readonly statusPort: number | undefined;
  readonly metricsPort: number | undefined;
  readonly minReady: number;
  /** OTLP push; `endpoint: undefined` means the exporters' own `OTEL_EXPORTER_OTLP_*` variables. */
  readonly otlp:
    | { readonly endpoint: string | undefined; readonly protocol: 'http/protobuf' | 'grpc' }
    | undefined;
  readonly heartbeat: {
    readonly intervalMs: number;
    readonly timeoutMs: number;
    readonly maxMissed: number;
  };
  readonly watchdog: boolean;
  readonly cgroup: 'auto' | 'off' | 'require';
  /** The pool's `placement` (`auto` resolves by pool size, in `createPool`). */
  readonly placement: Placement;
  /** The pool's `transport`. */
  readonly transport: Transport;
  readonly logFormat: 'pretty' | 'json';
  /** The file's `pool` section, as written (createPool validates it again). */
  readonly pool: NonNullable<SnakepitConfig['pool']>;
  /** Where each key's value came from. */
  readonly sources: Readonly<Record<ConfigKey, ConfigSource>>;
}

/** The defaults of {@link ResolvedRunConfig}'s keys (`minReady` defaults to `workers`). */
export const DEFAULT_RUN_CONFIG = {
  workers: 2,
  adapter: 'snakepit_worker.demo_adapter',
  pythonPath: [] as readonly string[],
  host: '127.0.0.1',
  allowedHosts: [] as readonly string[],
  otlpProtocol: 'http/protobuf',
  heartbeatIntervalMs: 2_000,
  heartbeatTimeoutMs: 2_000,
  heartbeatMaxMissed: 3,
  watchdog: false,
  cgroup: 'auto',
  placement: 'auto',
  transport: 'framed',
  logFormat: 'pretty',
} as const;

interface Layer {
  readonly source: Exclude<ConfigSource, 'default'>;
  readonly values: Values;
  /** Base of the layer's relative paths. */
  readonly baseDir: string;
}

/**
 * Resolves the configuration of `snakepit run`: flags override the config
 * file (`--config`, else `SNAKEPIT_CONFIG`), which overrides `SNAKEPIT_*`
 * environment variables, which override the defaults. Every source is
 * validated and every problem reported at once, each naming where it was
 * set (flag, file and key, or variable), the value and what was expected.
 *
 * @throws {SnakepitError} `INVALID_OPTIONS` (the CLI exits with status 2).
 */
export async function resolveRunConfig(sources: RunConfigSources = {}): Promise<ResolvedRunConfig> {
  const env = sources.env ?? process.env;
  const cwd = sources.cwd ?? process.cwd();
  const flags = sources.flags ?? {};
  const configPath = textOf(flags.config) ?? (env.SNAKEPIT_CONFIG || undefined);
  const configFile = configPath === undefined ? undefined : resolve(cwd, configPath);
  const problems: string[] = [];
  const fromFlags = validateLayer(
    'flags',
    pickFlags(flags),
    (key) => CONFIG_FIELDS[key].flag,
    problems,
  );
  const file = configFile === undefined ? undefined : await readFileLayer(configFile, problems);
  const fromEnv = validateLayer(
    'environment variables',
    pickEnv(env),
    (key) => CONFIG_FIELDS[key].env,
    problems,
  );
  if (problems.length > 0) throw invalid(problems);
  const layers: Layer[] = [
    { source: 'flag', values: fromFlags, baseDir: cwd },
    ...(file && configFile
      ? [{ source: 'file' as const, values: file.values, baseDir: dirname(configFile) }]
      : []),
    { source: 'env', values: fromEnv, baseDir: cwd },
  ];
  const resolved = combine(layers, env, configFile, file?.pool ?? {});
  checkCrossFields(resolved, problems);
  if (problems.length > 0) throw invalid(problems);
  return resolved;
}

/** The `createPool` options of a resolved configuration. */
export function toPoolOptions(config: ResolvedRunConfig, runId: string): PoolOptions {
  return {
    ...config.pool,
    runId,
    size: config.workers,
    adapter: config.adapter,
    ...(config.python === undefined ? {} : { python: config.python }),
    pythonPath: [...config.pythonPath],
    watchdog: config.watchdog,
    cgroup: config.cgroup,
    placement: config.placement,
    transport: config.transport,
    heartbeat: { ...config.heartbeat },
  };
}

function combine(
  layers: readonly Layer[],
  env: NodeJS.ProcessEnv,
  configFile: string | undefined,
  pool: NonNullable<SnakepitConfig['pool']>,
): ResolvedRunConfig {
  const sources = {} as Record<ConfigKey, ConfigSource>;
  const pick = <T>(key: ConfigKey, fallback: T): { value: T; baseDir: string | undefined } => {
    for (const layer of layers) {
      if (layer.values[key] === undefined) continue;
      sources[key] = layer.source;
      return { value: layer.values[key] as T, baseDir: layer.baseDir };
    }
    sources[key] = 'default';
    return { value: fallback, baseDir: undefined };
  };
  const d = DEFAULT_RUN_CONFIG;
  const workers = pick<number>('workers', d.workers).value;
  const python = pick<string | undefined>('python', undefined);
  const pythonPath = pick<readonly string[]>('pythonPath', d.pythonPath);
  const otlpEndpoint = pick<string | undefined>('otlpEndpoint', undefined).value;
  const otlpProtocol = pick<'http/protobuf' | 'grpc'>('otlpProtocol', d.otlpProtocol).value;
  const isOtlpOn = otlpEndpoint !== undefined || Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT);
  return {
    configFile,
    workers,
    python:
      python.value === undefined ? undefined : toInterpreterPath(python.value, python.baseDir, env),
    adapter: pick<string>('adapter', d.adapter).value,
    pythonPath: pythonPath.value.map((dir) => resolve(pythonPath.baseDir ?? '.', dir)),
    host: pick<string>('host', d.host).value,
    allowedHosts: pick<readonly string[]>('allowedHosts', d.allowedHosts).value,
    statusPort: pick<number | undefined>('statusPort', undefined).value,
    metricsPort: pick<number | undefined>('metricsPort', undefined).value,
    minReady: pick<number>('minReady', workers).value,
    otlp: isOtlpOn ? { endpoint: otlpEndpoint, protocol: otlpProtocol } : undefined,
    heartbeat: {
      intervalMs: pick<number>('heartbeatIntervalMs', d.heartbeatIntervalMs).value,
      timeoutMs: pick<number>('heartbeatTimeoutMs', d.heartbeatTimeoutMs).value,
      maxMissed: pick<number>('heartbeatMaxMissed', d.heartbeatMaxMissed).value,
    },
    watchdog: pick<boolean>('watchdog', d.watchdog).value,
    cgroup: pick<'auto' | 'off' | 'require'>('cgroup', d.cgroup).value,
    placement: pick<Placement>('placement', d.placement).value,
    transport: pick<Transport>('transport', d.transport).value,
    logFormat: pick<'pretty' | 'json'>('logFormat', d.logFormat).value,
    pool,
    sources,
  };
}

/** A path relative to where it was written, or a bare name looked up on PATH (`python3.12`). */
function toInterpreterPath(
  value: string,
  baseDir: string | undefined,
  env: NodeJS.ProcessEnv,
): string {
  if (value.includes('/')) return resolve(baseDir ?? '.', value);
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    try {
      accessSync(join(dir, value), constants.X_OK);
      return join(dir, value);
    } catch {
      // Not in this directory.
    }
  }
  return resolve(baseDir ?? '.', value);
}

function checkCrossFields(config: ResolvedRunConfig, problems: string[]): void {
  if (config.minReady > config.workers) {
    problems.push(
      `Invalid configuration:\n  - Expected \`minReady\` (${describeSource(config.sources.minReady, 'minReady')}) to be ≤ \`workers\` (${config.workers}), got \`${config.minReady}\``,
    );
  }
  if (
    config.statusPort !== undefined &&
    config.statusPort !== 0 &&
    config.statusPort === config.metricsPort
  ) {
    problems.push(
      `Invalid configuration:\n  - Expected \`metricsPort\` to differ from \`statusPort\` (/metrics is served on the status port too), got \`${config.metricsPort}\``,
    );
  }
}

function describeSource(source: ConfigSource, key: ConfigKey): string {
  if (source === 'flag') return `from ${CONFIG_FIELDS[key].flag}`;
  if (source === 'env') return `from ${CONFIG_FIELDS[key].env}`;
  return `from the ${source}`;
}

function invalid(problems: readonly string[]): SnakepitError {
  return new SnakepitError('INVALID_OPTIONS', problems.join('\n'), { details: { problems } });
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
