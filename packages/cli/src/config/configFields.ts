import { z } from 'zod';

const integer = (min: number, max: number) => z.number().int().min(min).max(max);

/** How a field's text (a flag or an environment variable) becomes a value. */
export type FieldKind = 'integer' | 'string' | 'boolean' | 'list';

/** One configuration key: its schema, its flag and its environment variable. */
export interface ConfigField {
  readonly kind: FieldKind;
  readonly schema: z.ZodType;
  /** The `snakepit run` flag, e.g. `--workers`. */
  readonly flag: string;
  /** The environment variable, e.g. `SNAKEPIT_WORKERS`. */
  readonly env: string;
}

function field(kind: FieldKind, schema: z.ZodType, flag: string, env: string): ConfigField {
  return { kind, schema, flag, env };
}

/**
 * Every top-level key of a config file that a flag and an environment
 * variable can also set (precedence: flag > file > environment > default).
 * The ranges are those of `createPool` where the key maps to a pool option.
 */
export const CONFIG_FIELDS = {
  workers: field('integer', integer(1, 1000), '--workers', 'SNAKEPIT_WORKERS'),
  python: field('string', z.string().min(1), '--python', 'SNAKEPIT_PYTHON'),
  adapter: field(
    'string',
    z.string().regex(/^[A-Za-z_][\w.]*$/, { error: 'a Python module name like `my_models`' }),
    '--adapter',
    'SNAKEPIT_ADAPTER',
  ),
  pythonPath: field('list', z.array(z.string().min(1)), '--python-path', 'SNAKEPIT_PYTHON_PATH'),
  host: field('string', z.string().min(1), '--host', 'SNAKEPIT_HOST'),
  allowedHosts: field(
    'list',
    z.array(z.string().regex(/^[A-Za-z0-9.-]+$/, { error: 'host names like `status.internal`' })),
    '--allowed-hosts',
    'SNAKEPIT_ALLOWED_HOSTS',
  ),
  statusPort: field('integer', integer(0, 65_535), '--status-port', 'SNAKEPIT_STATUS_PORT'),
  metricsPort: field('integer', integer(0, 65_535), '--metrics-port', 'SNAKEPIT_METRICS_PORT'),
  minReady: field('integer', integer(0, 1000), '--min-ready', 'SNAKEPIT_MIN_READY'),
  otlpEndpoint: field(
    'string',
    z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' }),
    '--otlp-endpoint',
    'SNAKEPIT_OTLP_ENDPOINT',
  ),
  otlpProtocol: field(
    'string',
    z.enum(['http/protobuf', 'grpc']),
    '--otlp-protocol',
    'SNAKEPIT_OTLP_PROTOCOL',
  ),
  heartbeatIntervalMs: field(
    'integer',
    integer(100, 60_000),
    '--heartbeat-interval-ms',
    'SNAKEPIT_HEARTBEAT_INTERVAL_MS',
  ),
  heartbeatTimeoutMs: field(
    'integer',
    integer(50, 300_000),
    '--heartbeat-timeout-ms',
    'SNAKEPIT_HEARTBEAT_TIMEOUT_MS',
  ),
  heartbeatMaxMissed: field(
    'integer',
    integer(1, 100),
    '--heartbeat-max-missed',
    'SNAKEPIT_HEARTBEAT_MAX_MISSED',
  ),
  watchdog: field('boolean', z.boolean(), '--watchdog', 'SNAKEPIT_WATCHDOG'),
  cgroup: field('string', z.enum(['auto', 'off', 'require']), '--cgroup', 'SNAKEPIT_CGROUP'),
  placement: field(
    'string',
    z.enum(['auto', 'dedicated', 'shared', 'inline']),
    '--placement',
    'SNAKEPIT_PLACEMENT',
  ),
  transport: field('string', z.enum(['framed', 'grpc']), '--transport', 'SNAKEPIT_TRANSPORT'),
  logFormat: field('string', z.enum(['pretty', 'json']), '--log-format', 'SNAKEPIT_LOG_FORMAT'),
} as const satisfies Record<string, ConfigField>;

/** A key of {@link CONFIG_FIELDS}. */
export type ConfigKey = keyof typeof CONFIG_FIELDS;

/** The keys, in documentation order. */
export const CONFIG_KEYS = Object.keys(CONFIG_FIELDS) as ConfigKey[];

/**
 * Turns the text of a flag or an environment variable into the value its
 * schema expects. Text that does not convert is passed on unchanged, so that
 * validation reports it as given (``got `"abc"` ``).
 */
export function parseFieldText(kind: FieldKind, text: string): unknown {
  switch (kind) {
    case 'integer':
      return /^[+-]?\d+$/.test(text.trim()) ? Number(text) : text;
    case 'boolean': {
      const word = text.trim().toLowerCase();
      if (['1', 'true', 'yes', 'on'].includes(word)) return true;
      if (['0', 'false', 'no', 'off'].includes(word)) return false;
      return text;
    }
    case 'list':
      return text.split(':').filter((entry) => entry !== '');
    case 'string':
      return text;
  }
}
