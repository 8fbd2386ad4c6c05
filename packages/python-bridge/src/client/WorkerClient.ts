import { SnakepitError, isSnakepitError } from '@snakepit/core';
import { WorkerServiceDefinition } from '@snakepit/proto';
import type { v1 } from '@snakepit/proto';
import { ClientError, Metadata, Status, createChannel, createClient } from 'nice-grpc';
import type { Channel, Client } from 'nice-grpc';
import { encodeArgs, responseFacts, toCallError } from '../data/payload.js';
import { decodePythonSpans, withPythonSpans } from '../data/pythonSpans.js';
import {
  aborted,
  argumentsTooLarge,
  decodeResultWithin,
  timedOut,
  transportFailed,
} from './callErrors.js';
import { DEFAULT_MAX_PAYLOAD_BYTES, messageLimitBytes } from './messageLimit.js';
import type { CallResult, DataPlaneClient } from './DataPlaneClient.js';

/** Options of one call. */
export interface ExecuteOptions {
  /**
   * Fails the call with `EXECUTE_TIMEOUT` this many milliseconds after it
   * was made; the handler is told its deadline. Through a pool it covers
   * the wait for a free worker too (see `PoolCallOptions`).
   */
  readonly timeoutMs?: number;
  /** Aborts the call (`ABORTED`); gRPC cancels it in Python too. */
  readonly signal?: AbortSignal;
  /** W3C trace context, sent as the `traceparent` metadata. */
  readonly traceparent?: string;
  /**
   * Ask Python to record the call's spans and send them back
   * (`CallResult.pythonSpans`; on a failed call, the pool's tracer gets them).
   */
  readonly forwardPythonSpans?: boolean;
}

/**
 * The data plane of one Python worker: a nice-grpc client on its Unix
 * socket. Lives on the main thread, where the pool routes calls.
 */
export class WorkerClient implements DataPlaneClient {
  readonly workerId: string;
  readonly transport = 'grpc';
  readonly #channel: Channel;
  readonly #client: Client<WorkerServiceDefinition>;

  readonly #maxPayloadBytes: number;

  /** @param maxPayloadBytes largest argument or result payload. @default 4 MiB */
  constructor(workerId: string, grpcAddress: string, maxPayloadBytes = DEFAULT_MAX_PAYLOAD_BYTES) {
    this.workerId = workerId;
    this.#maxPayloadBytes = maxPayloadBytes;
    const limit = messageLimitBytes(maxPayloadBytes);
    this.#channel = createChannel(grpcAddress, undefined, {
      'grpc.max_receive_message_length': limit,
      'grpc.max_send_message_length': limit,
    });
    this.#client = createClient(WorkerServiceDefinition, this.#channel);
  }

  /**
   * Runs `command` with `args` (JSON, or raw bytes as a `Uint8Array`).
   * @throws {PythonError} when the handler raised.
   * @throws {SnakepitError} `UNKNOWN_COMMAND`, `SERIALIZATION_FAILED`,
   *   `EXECUTE_TIMEOUT`, `ABORTED` or `WORKER_CRASHED`.
   */
  async execute(command: string, args?: unknown, options: ExecuteOptions = {}): Promise<unknown> {
    return (await this.call(command, args, options)).value;
  }

  /**
   * Like {@link execute}, also giving the time Python spent in the handler
   * and whether Python recorded the handler's span (on a `PythonError` they
   * are in `details.handlerTimeUs` and `details.isHandlerSpanRecorded`).
   */
  async call(command: string, args?: unknown, options: ExecuteOptions = {}): Promise<CallResult> {
    const call = this.#prepare(command, args, options);
    let response: v1.ExecuteResponse;
    try {
      response = await this.#client.execute(call.request, call.callOptions);
    } catch (error) {
      throw this.#transportError(command, error, options, call.hasTimedOut());
    }
    const facts = responseFacts(response);
    const pythonSpans = decodePythonSpans(response.spans);
    if (response.error) {
      throw withPythonSpans(toCallError(command, response.error, facts), pythonSpans);
    }
    const value = this.#decodeResult(command, response.result);
    return {
      value,
      handlerTimeUs: facts.handlerTimeUs,
      isHandlerSpanRecorded: !!facts.isHandlerSpanRecorded,
      ...(pythonSpans ? { pythonSpans } : {}),
    };
  }

  /** Runs a generator `command`; yields each item it produces. Same errors as `execute`. */
  async *stream(
    command: string,
    args?: unknown,
    options: ExecuteOptions = {},
  ): AsyncGenerator<unknown> {
    const call = this.#prepare(command, args, options);
    try {
      for await (const chunk of this.#client.executeStream(call.request, call.callOptions)) {
        if (chunk.error) throw toCallError(command, chunk.error);
        yield this.#decodeResult(command, chunk.data);
      }
    } catch (error) {
      throw this.#transportError(command, error, options, call.hasTimedOut());
    }
  }

  /** Closes the gRPC channel; calls in flight fail. */
  close(): void {
    this.#channel.close();
  }

  #prepare(command: string, args: unknown, options: ExecuteOptions) {
    const payload = encodeArgs(command, args);
    if (payload.data.length > this.#maxPayloadBytes) {
      throw argumentsTooLarge(command, payload.data.length, this.#maxPayloadBytes);
    }
    const timeout =
      options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs);
    const signals = [options.signal, timeout].filter((s): s is AbortSignal => s !== undefined);
    // Always a signal of our own: nice-grpc adds an abort listener per call, and
    // many calls sharing the caller's signal would pile listeners onto it
    // (MaxListenersExceededWarning past 10). A derived signal adds none to its sources.
    const signal = signals.length > 0 ? AbortSignal.any(signals) : undefined;
    const metadata = options.traceparent
      ? Metadata({ traceparent: options.traceparent })
      : undefined;
    return {
      request: {
        command,
        payload: payload.data,
        contentType: payload.contentType,
        timeoutMs: options.timeoutMs ?? 0,
        ...(options.forwardPythonSpans ? { forwardSpans: true } : {}),
      },
      callOptions: { ...(signal ? { signal } : {}), ...(metadata ? { metadata } : {}) },
      hasTimedOut: () => timeout?.aborted === true,
    };
  }

  /**
   * gRPC's message limit leaves room for the envelope, so a result up to that
   * much over `maxPayloadBytes` reaches us: the limit is the payload's.
   */
  #decodeResult(command: string, payload: v1.IPayload | null | undefined): unknown {
    return decodeResultWithin(command, payload, this.#maxPayloadBytes);
  }

  #transportError(
    command: string,
    error: unknown,
    options: ExecuteOptions,
    hasTimedOut: boolean,
  ): SnakepitError {
    if (isSnakepitError(error)) return error;
    const details = { command, workerId: this.workerId };
    if (hasTimedOut) return timedOut(command, this.workerId, options.timeoutMs, error);
    if (error instanceof ClientError && error.code === Status.RESOURCE_EXHAUSTED) {
      return new SnakepitError(
        'PAYLOAD_TOO_LARGE',
        `Call to \`${command}\` exceeded the payload limit of ${this.#maxPayloadBytes} bytes (\`maxPayloadBytes\`): ${error.details}`,
        { cause: error, details },
      );
    }
    if (options.signal?.aborted) return aborted(command, this.workerId, error);
    return transportFailed(command, this.workerId, (error as Error).message, error);
  }
}
