// Issue 20, defect 2: handlers (tests/fixtures/chaos_adapter.py) raising a
// BaseException that is not an Exception, for the end-to-end and chaos tests.
import { PythonError } from '@snakepit/core';
import type { Pool } from '@snakepit/python-bridge';
import { codeOf, rejectionOf } from './chaos.js';

/** Each kind the fixtures raise, with the `pythonType` the caller must get. */
export const BASE_EXCEPTION_KINDS = [
  ['KeyboardInterrupt', 'builtins.KeyboardInterrupt'],
  ['GeneratorExit', 'builtins.GeneratorExit'],
  ['BaseException', 'builtins.BaseException'],
  ['CancelledError', 'asyncio.exceptions.CancelledError'],
] as const;

/** The kinds of handler that raise them: a function, a coroutine, and both kinds of generator. */
export const BASE_EXCEPTION_HANDLERS = ['sync', 'async', 'stream', 'async stream'] as const;
export type BaseExceptionHandler = (typeof BASE_EXCEPTION_HANDLERS)[number];

const COMMANDS: Record<BaseExceptionHandler, string> = {
  sync: 'raise_base',
  async: 'raise_base_async',
  stream: 'stream_raise_base',
  'async stream': 'stream_raise_base_async',
};

/**
 * Calls the `handler` that raises `kind` (a stream is drained) and settles
 * with what the caller got: the `pythonType` of a `PythonError`, else the
 * error's code (`EXECUTE_TIMEOUT` when the call went unanswered).
 */
export async function raiseBaseException(
  pool: Pool,
  handler: BaseExceptionHandler,
  kind: string,
  timeoutMs = 10_000,
): Promise<{ got: string; error: unknown }> {
  const command = COMMANDS[handler];
  const call = handler.includes('stream')
    ? drain(pool.stream(command, { kind }, { timeoutMs }))
    : pool.execute(command, { kind }, { timeoutMs });
  const error = await rejectionOf(call);
  return { got: error instanceof PythonError ? error.pythonType : codeOf(error), error };
}

async function drain(items: AsyncIterable<unknown>): Promise<unknown[]> {
  const all: unknown[] = [];
  for await (const item of items) all.push(item);
  return all;
}
