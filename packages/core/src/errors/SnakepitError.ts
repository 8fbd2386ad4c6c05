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
  | 'ACTOR_START_TIMEOUT'
  | 'ACTOR_CRASHED'
  | 'ACTOR_STOPPED'
  | 'ASK_TIMEOUT'
  | 'CHILD_START_FAILED'
  | 'SUPERVISOR_STOPPED'
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
  | 'TELEMETRY_EXPORTER_UNAVAILABLE'
  | 'TELEMETRY_EXPORT_FAILED';

/** Facts that a code's `details` may carry beyond the typed ones. */
type MoreFacts = Readonly<Record<string, unknown>>;

/**
 * What `details` holds, per code: `SnakepitErrorDetails[C]`. The codes
 * listed carry the facts typed here (and may carry more); every other code
 * carries `Readonly<Record<string, unknown>>`. `isSnakepitError(e, code)`
 * narrows `e.details` to its code's entry:
 *
 * ```ts
 * if (isSnakepitError(error, 'POOL_SATURATED')) console.log(error.details.maxQueue);
 * ```
 */
export interface SnakepitErrorDetails {
  /** Any code not listed below. */
  readonly [code: string]: MoreFacts;
  /** `option` and `value` for one bad option; `problems` (one line each) for several. */
  readonly INVALID_OPTIONS: {
    readonly option?: string | undefined;
    readonly value?: unknown;
    readonly problems?: readonly string[] | undefined;
  } & MoreFacts;
  /** The interpreters tried, in order. */
  readonly PYTHON_NOT_FOUND: { readonly tried: readonly string[] } & MoreFacts;
  /** The interpreters tried, in order. */
  readonly PYTHON_DEPS_MISSING: { readonly tried: readonly string[] } & MoreFacts;
  /** `faultCode` is the worker's `Fault` code (`ADAPTER_IMPORT_FAILED`, `BIND_FAILED`) when it sent one. */
  readonly WORKER_START_FAILED: {
    readonly workerId?: string | undefined;
    readonly faultCode?: string | undefined;
    readonly pythonType?: string | null | undefined;
  } & MoreFacts;
  /** Which side is of which version and protocol, and where Python found `snakepit_worker`. */
  readonly WORKER_VERSION_MISMATCH: {
    readonly workerId: string;
    readonly workerVersion: string;
    readonly ownerVersion: string;
    readonly workerProtocol: number;
    readonly ownerProtocol: number;
    readonly python: string;
    readonly workerPackageDir?: string | undefined;
  } & MoreFacts;
  /** The frame's declared length and the limit, in bytes. */
  readonly FRAME_TOO_LARGE: { readonly length: number; readonly maxFrameBytes: number } & MoreFacts;
  /** The command called. */
  readonly UNKNOWN_COMMAND: { readonly command: string } & MoreFacts;
  /** The command whose arguments or result could not be encoded, when known. */
  readonly SERIALIZATION_FAILED: { readonly command?: string | undefined } & MoreFacts;
  /** The payload's size and the limit (`maxPayloadBytes`), in bytes. */
  readonly PAYLOAD_TOO_LARGE: {
    readonly command?: string | undefined;
    readonly bytes?: number | undefined;
    readonly maxPayloadBytes?: number | undefined;
  } & MoreFacts;
  /** The call's budget; `isQueued` when it ran out before a worker took the call. */
  readonly EXECUTE_TIMEOUT: {
    readonly command?: string | undefined;
    readonly timeoutMs?: number | undefined;
    readonly workerId?: string | undefined;
    readonly isQueued?: boolean | undefined;
    readonly queueWaitMs?: number | undefined;
  } & MoreFacts;
  /** `maxQueue` when the queue was full; `queueTimeoutMs` when the wait ran out. */
  readonly POOL_SATURATED: {
    readonly maxQueue?: number | undefined;
    readonly queueTimeoutMs?: number | undefined;
  } & MoreFacts;
  /** Why this run cannot have a cgroup. */
  readonly CGROUP_UNAVAILABLE: { readonly reason: string } & MoreFacts;
  /** Which exporter packages are missing or failed to load, and the `npm install` that fixes it. */
  readonly TELEMETRY_EXPORTER_UNAVAILABLE: {
    readonly reason: 'not-installed' | 'failed-to-load';
    readonly packages: readonly string[];
    readonly requestedBy: string;
    readonly command?: string | undefined;
  } & MoreFacts;
  /** The signal, the URL it was exported to, and the short cause (`ECONNREFUSED`, `HTTP 404`…). */
  readonly TELEMETRY_EXPORT_FAILED: {
    readonly signal: 'metrics' | 'traces' | 'logs';
    readonly url: string;
    readonly cause: string;
  } & MoreFacts;
}

/** Options of {@link SnakepitError}: `details` is required where its code's entry has required facts. */
export type SnakepitErrorOptions<C extends SnakepitErrorCode = SnakepitErrorCode> = {
  /** The underlying error, if any. */
  readonly cause?: unknown;
} & (Record<never, never> extends SnakepitErrorDetails[C]
  ? {
      /** Structured facts for logs and events (worker id, pid, option name…). */
      readonly details?: SnakepitErrorDetails[C];
    }
  : {
      /** Structured facts for logs and events (worker id, pid, option name…). */
      readonly details: SnakepitErrorDetails[C];
    });

const BRAND = Symbol.for('snakepit.error');

/**
 * The one error type Snakepit throws. `code` says what happened; the message
 * says what to do about it; `details` holds the facts, typed per code
 * ({@link SnakepitErrorDetails}).
 */
export class SnakepitError<C extends SnakepitErrorCode = SnakepitErrorCode> extends Error {
  override readonly name: string = 'SnakepitError';
  readonly code: C;
  readonly details: SnakepitErrorDetails[C];
  readonly [BRAND] = true;

  /**
   * Creates an error with a stable `code` (for code to match on) and a
   * message for humans; `options.cause` becomes the standard `cause`.
   */
  constructor(
    code: C,
    message: string,
    ...[options]: Record<never, never> extends SnakepitErrorDetails[C]
      ? [options?: SnakepitErrorOptions<C>]
      : [options: SnakepitErrorOptions<C>]
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options?.details ?? ({} as SnakepitErrorDetails[C]);
  }
}

/**
 * Whether `value` is a {@link SnakepitError}, also across module copies and
 * realms (where `instanceof` fails), optionally with a given code; with a
 * code, it narrows `details` to that code's {@link SnakepitErrorDetails}.
 */
export function isSnakepitError(value: unknown): value is SnakepitError;
export function isSnakepitError<C extends SnakepitErrorCode>(
  value: unknown,
  code: C,
): value is SnakepitError<C>;
export function isSnakepitError(value: unknown, code?: SnakepitErrorCode): value is SnakepitError {
  if (typeof value !== 'object' || value === null) return false;
  if ((value as Record<symbol, unknown>)[BRAND] !== true) return false;
  return code === undefined || (value as SnakepitError).code === code;
}
