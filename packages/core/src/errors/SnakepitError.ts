/** Every error code Snakepit raises. Stable: users match on them. */
export type SnakepitErrorCode =
  | 'INVALID_OPTIONS'
  | 'PYTHON_NOT_FOUND'
  | 'PYTHON_DEPS_MISSING'
  | 'WORKER_START_FAILED'
  | 'WORKER_START_TIMEOUT'
  | 'WORKER_VERSION_MISMATCH'
  | 'WORKER_CRASHED'
  | 'WORKER_STOPPED'
  | 'HEARTBEAT_TIMEOUT'
  | 'CONTROL_PROTOCOL_ERROR'
  | 'FRAME_TOO_LARGE'
  | 'PYTHON_ERROR'
  | 'UNKNOWN_COMMAND'
  | 'SERIALIZATION_FAILED'
  | 'PAYLOAD_TOO_LARGE'
  | 'EXECUTE_TIMEOUT'
  | 'ABORTED'
  | 'POOL_SATURATED'
  | 'POOL_STOPPED'
  | 'REGISTRY_ERROR'
  | 'SPAWN_FAILED'
  | 'CGROUP_UNAVAILABLE'
  | 'TELEMETRY_EXPORTER_UNAVAILABLE';

/** Options of {@link SnakepitError}. */
export interface SnakepitErrorOptions {
  /** The underlying error, if any. */
  readonly cause?: unknown;
  /** Structured facts for logs and events (worker id, pid, option name…). */
  readonly details?: Readonly<Record<string, unknown>>;
}

const BRAND = Symbol.for('snakepit.error');

/**
 * The one error type Snakepit throws. `code` says what happened; the message
 * says what to do about it.
 */
export class SnakepitError extends Error {
  override readonly name: string = 'SnakepitError';
  readonly code: SnakepitErrorCode;
  readonly details: Readonly<Record<string, unknown>>;
  readonly [BRAND] = true;

  /**
   * Creates an error with a stable `code` (for code to match on) and a
   * message for humans; `options.cause` becomes the standard `cause`.
   */
  constructor(code: SnakepitErrorCode, message: string, options: SnakepitErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details ?? {};
  }
}

/**
 * Whether `value` is a {@link SnakepitError}, also across module copies and
 * realms (where `instanceof` fails), optionally with a given code.
 */
export function isSnakepitError(value: unknown, code?: SnakepitErrorCode): value is SnakepitError {
  if (typeof value !== 'object' || value === null) return false;
  if ((value as Record<symbol, unknown>)[BRAND] !== true) return false;
  return code === undefined || (value as SnakepitError).code === code;
}
