import { SnakepitError } from '@snakepit/core';
import type { v1 } from '@snakepit/proto';
import { decodePayload } from '../data/payload.js';

/** `PAYLOAD_TOO_LARGE` for arguments over the limit, before anything is sent. */
export function argumentsTooLarge(
  command: string,
  bytes: number,
  maxPayloadBytes: number,
): SnakepitError {
  return tooLarge(`Arguments of \`${command}\` are`, 'send less', command, bytes, maxPayloadBytes);
}

/** `PAYLOAD_TOO_LARGE` for a result over the limit. */
export function resultTooLarge(
  command: string,
  bytes: number,
  maxPayloadBytes: number,
): SnakepitError {
  return tooLarge(`Result of \`${command}\` is`, 'return less', command, bytes, maxPayloadBytes);
}

function tooLarge(
  subject: string,
  remedy: string,
  command: string,
  bytes: number,
  maxPayloadBytes: number,
): SnakepitError {
  return new SnakepitError(
    'PAYLOAD_TOO_LARGE',
    `${subject} ${bytes} bytes, over the limit of ${maxPayloadBytes} (\`maxPayloadBytes\`); raise it or ${remedy}`,
    { details: { command, bytes, maxPayloadBytes } },
  );
}

/**
 * Decodes a result payload, refusing one over `maxPayloadBytes`.
 * @throws {SnakepitError} `PAYLOAD_TOO_LARGE` or `SERIALIZATION_FAILED`.
 */
export function decodeResultWithin(
  command: string,
  payload: v1.IPayload | null | undefined,
  maxPayloadBytes: number,
): unknown {
  const bytes = payload?.data?.length ?? 0;
  if (bytes > maxPayloadBytes) throw resultTooLarge(command, bytes, maxPayloadBytes);
  try {
    return decodePayload(payload);
  } catch (error) {
    throw new SnakepitError('SERIALIZATION_FAILED', `Result of \`${command}\` is not valid JSON`, {
      cause: error,
    });
  }
}

/** `EXECUTE_TIMEOUT`: the call's `timeoutMs` passed. */
export function timedOut(
  command: string,
  workerId: string,
  timeoutMs: number | undefined,
  cause?: unknown,
): SnakepitError {
  return new SnakepitError(
    'EXECUTE_TIMEOUT',
    `Call to \`${command}\` on worker ${workerId} did not finish within ${timeoutMs} ms`,
    { cause, details: { command, workerId, timeoutMs } },
  );
}

/** `ABORTED`: the caller's signal aborted the call. */
export function aborted(command: string, workerId: string, cause?: unknown): SnakepitError {
  return new SnakepitError('ABORTED', `Call to \`${command}\` was aborted`, {
    cause,
    details: { command, workerId },
  });
}

/** `WORKER_CRASHED`: the data plane failed under the call; the worker may be gone. */
export function transportFailed(
  command: string,
  workerId: string,
  message: string,
  cause?: unknown,
): SnakepitError {
  return new SnakepitError(
    'WORKER_CRASHED',
    `Worker ${workerId} failed during \`${command}\`: ${message}`,
    { cause, details: { command, workerId } },
  );
}
