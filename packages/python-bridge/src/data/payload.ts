import { PythonError, SnakepitError } from '@snakepit/core';
import type { v1 } from '@snakepit/proto';

export const JSON_CONTENT_TYPE = 'application/json';
export const BYTES_CONTENT_TYPE = 'application/octet-stream';

/** An encoded request or response body. */
export interface EncodedPayload {
  readonly data: Uint8Array;
  readonly contentType: string;
}

/**
 * Encodes call arguments: bytes travel as they are, anything else as JSON
 * (`undefined` as no arguments). On the Python side a JSON object becomes
 * keyword arguments and an array positional ones.
 *
 * Values that JSON would silently change are refused rather than sent
 * altered: `NaN` and infinities (→ `null`), `Map` and `Set` (→ `{}`), typed
 * arrays other than a whole-argument `Uint8Array` (→ an object of indices),
 * functions and symbols. Object properties that are `undefined` are left
 * out, as JSON does; a `Date` becomes its ISO string (`toJSON`).
 *
 * @throws {SnakepitError} `SERIALIZATION_FAILED` naming the value and where it is.
 */
export function encodeArgs(command: string, args: unknown): EncodedPayload {
  if (args instanceof Uint8Array) return { data: args, contentType: BYTES_CONTENT_TYPE };
  if (args === undefined) return { data: new Uint8Array(0), contentType: JSON_CONTENT_TYPE };
  let text: string | undefined;
  try {
    text = JSON.stringify(args, refuseLossyValues);
  } catch (error) {
    throw new SnakepitError(
      'SERIALIZATION_FAILED',
      `Arguments of \`${command}\` cannot be sent as JSON: ${(error as Error).message}. Pass plain data, or a Uint8Array for raw bytes.`,
      { cause: error, details: { command } },
    );
  }
  if (text === undefined) {
    throw new SnakepitError(
      'SERIALIZATION_FAILED',
      `Arguments of \`${command}\` cannot be sent as JSON (got a ${typeof args}). Pass plain data, or a Uint8Array for raw bytes.`,
      { details: { command } },
    );
  }
  return { data: Buffer.from(text, 'utf8'), contentType: JSON_CONTENT_TYPE };
}

/** A `JSON.stringify` replacer that throws on a value JSON would change without a word. */
function refuseLossyValues(this: unknown, key: string, value: unknown): unknown {
  const where = key === '' ? 'the value passed' : `key \`${key}\``;
  const refuse = (what: string, instead: string): never => {
    throw new TypeError(`${where} is ${what}, which JSON would turn into ${instead}`);
  };
  if (typeof value === 'number' && !Number.isFinite(value)) refuse(String(value), 'null');
  if (value instanceof Map) refuse('a Map', '{}; pass Object.fromEntries(map)');
  if (value instanceof Set) refuse('a Set', '{}; pass [...set]');
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
    refuse(
      `a ${value.constructor.name}`,
      'an object of indices; pass Array.from(it), or a Uint8Array as the whole argument',
    );
  }
  if (typeof value === 'function' || typeof value === 'symbol') {
    refuse(`a ${typeof value}`, 'nothing or null');
  }
  return value;
}

/** Decodes a result payload: JSON to a value, bytes to a `Uint8Array`. */
export function decodePayload(payload: v1.IPayload | null | undefined): unknown {
  const data = payload?.data ?? new Uint8Array(0);
  if (payload?.contentType === BYTES_CONTENT_TYPE) return data;
  if (data.length === 0) return undefined;
  return JSON.parse(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8'));
}

/**
 * The facts of a response that also travel on the error it becomes
 * (`details.handlerTimeUs`, `details.isHandlerSpanRecorded` when true).
 */
export function responseFacts(response: {
  readonly handlerTimeUs?: number | null;
  readonly handlerSpanRecorded?: boolean | null;
}): { handlerTimeUs: number; isHandlerSpanRecorded?: true } {
  const handlerTimeUs = response.handlerTimeUs ?? 0;
  return response.handlerSpanRecorded === true
    ? { handlerTimeUs, isHandlerSpanRecorded: true }
    : { handlerTimeUs };
}

/** Turns a Python error report into the matching typed error. */
export function toCallError(
  command: string,
  error: v1.IPythonError,
  facts: Readonly<Record<string, unknown>> = {},
): SnakepitError {
  const type = error.type ?? 'builtins.Exception';
  const message = error.message ?? '';
  if (type === 'snakepit.UnknownCommand') {
    return new SnakepitError('UNKNOWN_COMMAND', message, { details: { command, ...facts } });
  }
  if (type === 'snakepit.SerializationError') {
    return new SnakepitError('SERIALIZATION_FAILED', message, { details: { command, ...facts } });
  }
  return new PythonError(type, message, error.traceback ?? '', { command, ...facts });
}
