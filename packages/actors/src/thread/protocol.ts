import { SnakepitError, isSnakepitError, type SnakepitErrorCode } from '@snakepit/core/runtime';
import type { MessagePort } from 'node:worker_threads';
import type { ExitReason } from '../exit/ExitReason.js';

/** The task piscina runs for one actor: it lives as long as the actor. */
export interface ActorTask {
  readonly port: MessagePort;
  readonly actorId: string;
  readonly moduleUrl: string;
  readonly exportName: string;
  readonly args: unknown;
}

/** Main thread → actor thread. */
export type ToThread =
  | { readonly t: 'tell'; readonly type: string; readonly payload: unknown }
  | { readonly t: 'ask'; readonly id: number; readonly type: string; readonly payload: unknown }
  | { readonly t: 'cancel'; readonly id: number }
  | { readonly t: 'stop'; readonly isBrutal: boolean };

/** Actor thread → main thread. */
export type FromThread =
  | { readonly t: 'started'; readonly threadId: number }
  | { readonly t: 'startFailed'; readonly error: WireError }
  | { readonly t: 'reply'; readonly id: number; readonly value: unknown }
  | { readonly t: 'replyError'; readonly id: number; readonly error: WireError }
  | {
      readonly t: 'events';
      readonly events: readonly (readonly [name: string, payload: unknown])[];
    };

/** An error as it crosses threads. */
export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly stack: string | undefined;
  readonly code: string | undefined;
  /** A `SnakepitError`'s `details` (callers switch on them: `faultCode`…), when they clone. */
  readonly details: Readonly<Record<string, unknown>> | undefined;
  readonly cause: WireError | undefined;
}

/** An exit reason as it crosses threads (the task's result). */
export type WireExit = 'normal' | 'shutdown' | 'killed' | WireError;

/** Turns anything thrown into a {@link WireError}. */
export function toWireError(error: unknown, depth = 0): WireError {
  const e = error instanceof Error ? error : new Error(String(error));
  const code = (e as { code?: unknown }).code;
  return {
    name: e.name,
    message: e.message,
    stack: e.stack,
    code: typeof code === 'string' ? code : undefined,
    details: isSnakepitError(e) ? cloneable(e.details) : undefined,
    cause: e.cause !== undefined && depth < 3 ? toWireError(e.cause, depth + 1) : undefined,
  };
}

/** Rebuilds an error on this side: a `SnakepitError` when it was one. */
export function fromWireError(wire: WireError): Error {
  const cause = wire.cause ? fromWireError(wire.cause) : undefined;
  const options = cause === undefined ? {} : { cause };
  const error =
    wire.code && wire.name.endsWith('SnakepitError')
      ? new SnakepitError(wire.code as SnakepitErrorCode, wire.message, {
          ...options,
          ...(wire.details === undefined ? {} : { details: wire.details }),
        })
      : new Error(wire.message, options);
  if (!isSnakepitError(error)) error.name = wire.name;
  if (wire.stack !== undefined) error.stack = wire.stack;
  if (wire.code !== undefined && !isSnakepitError(error)) Object.assign(error, { code: wire.code });
  return error;
}

/** `details` as a structured clone, or `undefined` when something in them cannot cross threads. */
function cloneable(
  details: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> | undefined {
  try {
    return structuredClone(details);
  } catch {
    return undefined;
  }
}

export function toWireExit(reason: ExitReason): WireExit {
  return typeof reason === 'string' ? reason : toWireError(reason);
}

export function fromWireExit(wire: WireExit): ExitReason {
  return typeof wire === 'string' ? wire : fromWireError(wire);
}
