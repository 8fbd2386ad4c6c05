import { createConnection } from 'node:net';
import type { Socket } from 'node:net';
import { SnakepitError } from '@snakepit/core';
import { v1 } from '@snakepit/proto';
import { encodeArgs, responseFacts, toCallError } from '../data/payload.js';
import { decodePythonSpans, withPythonSpans } from '../data/pythonSpans.js';
import type { CallResult, DataPlaneClient } from './DataPlaneClient.js';
import { FrameReader, PART_FLAG } from './FrameReader.js';
import type { ExecuteOptions } from './WorkerClient.js';
import {
  aborted,
  argumentsTooLarge,
  decodeResultWithin,
  resultTooLarge,
  timedOut,
  transportFailed,
} from './callErrors.js';
import { DEFAULT_FRAMED_MAX_PAYLOAD_BYTES, frameLimitBytes } from './messageLimit.js';

/** What a call in flight is told: an answer frame, or the failure that ends it. */
type CallEvent = { readonly frame: v1.DataFrame } | { readonly error: SnakepitError };

interface PendingCall {
  readonly command: string;
  /** Receives each event of the call; the call is already forgotten on a final one. */
  readonly deliver: (event: CallEvent) => void;
}

/** A payload on its way out in raw parts, after its call's frame. */
interface Transfer {
  readonly callId: number;
  readonly data: Uint8Array;
  offset: number;
}

/** A payload arriving in raw parts, assembled into one buffer for its frame. */
interface Assembly {
  readonly frame: v1.DataFrame;
  readonly buffer: Buffer;
  received: number;
}

// Smaller frames are copied behind their header (one write); larger ones are
// written after it as they are (no copy of the payload).
const COPY_THRESHOLD_BYTES = 64 * 1024;
const MAX_CALL_ID = 0xffff_ffff;
/**
 * Stream items a worker may send ahead of the consumer (flow control): a
 * slow consumer holds at most this many decoded-to-be items in memory, and
 * the handler's generator waits. Credit goes back every half window.
 */
const STREAM_WINDOW_ITEMS = 32;
/**
 * A larger payload travels in raw parts after its frame (Python's
 * `INLINE_PAYLOAD_BYTES`): measured faster from 128 KiB up (ADR 0012).
 */
const INLINE_PAYLOAD_BYTES = 64 * 1024;
/** Payload bytes per part: a small call's frame waits behind at most one part per transfer. */
const PART_BYTES = 256 * 1024;
/**
 * Parts are written while less than this waits in the socket's buffer, then
 * on `drain`: the kernel always has the next part at hand, and a large
 * transfer never piles up in Node's memory.
 */
const WRITE_AHEAD_BYTES = 1024 * 1024;

/**
 * The framed data plane of one Python worker (transport `'framed'`): one
 * Unix-socket connection carrying length-prefixed `DataFrame`s, calls
 * multiplexed by id. Lives on the main thread, where the pool routes calls.
 * A lost connection fails every call in flight, and every later one, with
 * `WORKER_CRASHED`, as the gRPC client does for a dead worker.
 */
export class FramedWorkerClient implements DataPlaneClient {
  readonly workerId: string;
  readonly transport = 'framed';
  readonly #socket: Socket;
  readonly #reader: FrameReader;
  readonly #maxPayloadBytes: number;
  readonly #calls = new Map<number, PendingCall>();
  /** Outgoing payloads, written a part each in turn (round robin). */
  readonly #transfers: Transfer[] = [];
  readonly #assemblies = new Map<number, Assembly>();
  #isWaitingForDrain = false;
  #nextCallId = 1;
  #failure: string | undefined;

  /**
   * Connects to the worker's socket at `dataAddress` (an absolute path).
   * Calls made before the connection is up are sent once it is.
   * @param maxPayloadBytes largest argument or result payload. @default 256 MiB
   */
  constructor(
    workerId: string,
    dataAddress: string,
    maxPayloadBytes = DEFAULT_FRAMED_MAX_PAYLOAD_BYTES,
  ) {
    this.workerId = workerId;
    this.#maxPayloadBytes = maxPayloadBytes;
    this.#reader = new FrameReader(frameLimitBytes(maxPayloadBytes));
    this.#socket = createConnection(dataAddress);
    // Like a gRPC channel, an idle connection does not keep Node running.
    this.#socket.unref();
    this.#socket.on('data', (chunk: Buffer) => this.#onData(chunk));
    this.#socket.on('error', (error) => this.#lose(`connection failed: ${error.message}`));
    this.#socket.on('close', () => this.#lose('connection closed'));
  }

  /** See {@link DataPlaneClient.execute}. */
  async execute(command: string, args?: unknown, options: ExecuteOptions = {}): Promise<unknown> {
    return (await this.call(command, args, options)).value;
  }

  /** See {@link DataPlaneClient.call}. */
  call(command: string, args?: unknown, options: ExecuteOptions = {}): Promise<CallResult> {
    return new Promise((resolve, reject) => {
      this.#start('execute', command, args, options, (event) => {
        if ('error' in event) return reject(event.error);
        const { frame } = event;
        try {
          resolve(this.#answer(command, frame));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
  }

  /** See {@link DataPlaneClient.stream}. */
  async *stream(
    command: string,
    args?: unknown,
    options: ExecuteOptions = {},
  ): AsyncGenerator<unknown> {
    const events: CallEvent[] = [];
    let wake: (() => void) | undefined;
    const callId = this.#start('stream', command, args, options, (event) => {
      events.push(event);
      wake?.();
    });
    let taken = 0;
    try {
      for (;;) {
        const event = events.shift();
        if (event === undefined) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        if ('error' in event) throw event.error;
        const { frame } = event;
        if (frame.end) return;
        if (frame.error) throw this.#transportError(command, frame.error);
        if (frame.chunk?.error) throw toCallError(command, frame.chunk.error);
        yield decodeResultWithin(command, frame.chunk?.data, this.#maxPayloadBytes);
        // The consumer asked for the next item: credit the worker in batches, so
        // that at most STREAM_WINDOW_ITEMS wait here however slow the consumer is.
        if (++taken >= STREAM_WINDOW_ITEMS / 2) {
          this.#send({ callId, credit: { items: taken } });
          taken = 0;
        }
      }
    } finally {
      // The consumer stopped early (break, throw): Python closes the handler's generator.
      if (this.#forget(callId)) this.#send({ callId, cancel: {} });
    }
  }

  /** Closes the connection; calls in flight fail with `WORKER_CRASHED`. Idempotent. */
  close(): void {
    this.#lose('the client was closed');
    this.#socket.destroy();
  }

  /**
   * Sends a call and wires its deadline and abort signal; failures before
   * sending are delivered like any other. Returns the call's id.
   */
  #start(
    kind: 'execute' | 'stream',
    command: string,
    args: unknown,
    options: ExecuteOptions,
    deliver: (event: CallEvent) => void,
  ): number {
    const callId = this.#newCallId();
    let request: v1.IExecuteRequest;
    let payload: Uint8Array;
    try {
      ({ request, payload } = this.#request(command, args, options));
    } catch (error) {
      deliver({ error: error as SnakepitError });
      return callId;
    }
    const { timeoutMs } = options;
    if (options.signal?.aborted) {
      deliver({ error: aborted(command, this.workerId, options.signal.reason) });
      return callId;
    }
    // A signal of our own: many calls sharing the caller's signal would pile
    // listeners onto it (MaxListenersExceededWarning past 10); a derived
    // signal adds none to its source.
    const signal = options.signal && AbortSignal.any([options.signal]);
    const giveUp = (error: SnakepitError): void => {
      if (this.#forget(callId)) this.#send({ callId, cancel: {} });
      deliver({ error });
    };
    const onAbort = (): void => giveUp(aborted(command, this.workerId, signal?.reason));
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => giveUp(timedOut(command, this.workerId, timeoutMs)), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    this.#register(callId, {
      command,
      deliver: (event) => {
        if (isFinal(event)) {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
        }
        deliver(event);
      },
    });
    if (this.#failure !== undefined) {
      this.#fail(callId, this.#failure);
    } else {
      const streamWindow = kind === 'stream' ? STREAM_WINDOW_ITEMS : 0;
      if (payload.length > INLINE_PAYLOAD_BYTES) {
        this.#send({ callId, [kind]: request, payloadBytes: payload.length, streamWindow });
        this.#transfers.push({ callId, data: payload, offset: 0 });
        this.#pump();
      } else {
        this.#send({ callId, [kind]: { ...request, payload }, streamWindow });
      }
    }
    return callId;
  }

  /** The request without its payload, and the payload. */
  #request(
    command: string,
    args: unknown,
    options: ExecuteOptions,
  ): { request: v1.IExecuteRequest; payload: Uint8Array } {
    const { data, contentType } = encodeArgs(command, args);
    if (data.length > this.#maxPayloadBytes) {
      throw argumentsTooLarge(command, data.length, this.#maxPayloadBytes);
    }
    const request = {
      command,
      contentType,
      timeoutMs: options.timeoutMs ?? 0,
      ...(options.traceparent ? { metadata: { traceparent: options.traceparent } } : {}),
      ...(options.forwardPythonSpans ? { forwardSpans: true } : {}),
    };
    return { request, payload: data };
  }

  #answer(command: string, frame: v1.DataFrame): CallResult {
    if (frame.error) throw this.#transportError(command, frame.error);
    const response = frame.response;
    const facts = responseFacts(response ?? {});
    const pythonSpans = decodePythonSpans(response?.spans);
    if (response?.error) {
      throw withPythonSpans(toCallError(command, response.error, facts), pythonSpans);
    }
    return {
      value: decodeResultWithin(command, response?.result, this.#maxPayloadBytes),
      handlerTimeUs: facts.handlerTimeUs,
      isHandlerSpanRecorded: !!facts.isHandlerSpanRecorded,
      ...(pythonSpans ? { pythonSpans } : {}),
    };
  }

  #transportError(command: string, error: v1.ITransportError): SnakepitError {
    const message = error.message ?? '';
    if (error.code === 'PAYLOAD_TOO_LARGE') {
      return new SnakepitError(
        'PAYLOAD_TOO_LARGE',
        `Call to \`${command}\` exceeded the payload limit of ${this.#maxPayloadBytes} bytes (\`maxPayloadBytes\`): ${message}`,
        { details: { command, workerId: this.workerId } },
      );
    }
    return transportFailed(command, this.workerId, `${error.code}: ${message}`);
  }

  #newCallId(): number {
    do {
      const id = this.#nextCallId;
      this.#nextCallId = id === MAX_CALL_ID ? 1 : id + 1;
      if (!this.#calls.has(id)) return id;
    } while (this.#calls.size < MAX_CALL_ID);
    throw new Error('no free call id');
  }

  #register(callId: number, call: PendingCall): void {
    this.#calls.set(callId, call);
    if (this.#calls.size === 1) this.#socket.ref();
  }

  /** Forgets a call, and its payloads in transit; returns whether it was still in flight. */
  #forget(callId: number): boolean {
    if (!this.#calls.delete(callId)) return false;
    if (this.#calls.size === 0) this.#socket.unref();
    this.#assemblies.delete(callId);
    const transfer = this.#transfers.findIndex((each) => each.callId === callId);
    if (transfer >= 0) this.#transfers.splice(transfer, 1);
    return true;
  }

  #fail(callId: number, message: string): void {
    const call = this.#calls.get(callId);
    if (!call || !this.#forget(callId)) return;
    call.deliver({ error: transportFailed(call.command, this.workerId, message) });
  }

  #send(frame: v1.IDataFrame): void {
    if (this.#failure !== undefined) return;
    const body = v1.DataFrame.encode(frame).finish();
    const header = Buffer.allocUnsafe(4);
    header.writeUInt32BE(body.length, 0);
    if (body.length < COPY_THRESHOLD_BYTES) {
      this.#socket.write(Buffer.concat([header, body]));
      return;
    }
    this.#socket.cork();
    this.#socket.write(header);
    this.#socket.write(body);
    this.#socket.uncork();
  }

  /**
   * Writes parts of the outgoing payloads, one per payload in turn, while the
   * socket takes them; then again on `drain`. Each part is written from the
   * caller's memory, without a copy.
   */
  #pump(): void {
    while (this.#transfers.length > 0 && this.#socket.writableLength < WRITE_AHEAD_BYTES) {
      if (this.#failure !== undefined) return;
      const transfer = this.#transfers.shift() as Transfer;
      const { callId, data, offset } = transfer;
      const end = Math.min(offset + PART_BYTES, data.length);
      const header = Buffer.allocUnsafe(8);
      header.writeUInt32BE(PART_FLAG + 4 + (end - offset), 0);
      header.writeUInt32BE(callId, 4);
      this.#socket.cork();
      this.#socket.write(header);
      this.#socket.write(data.subarray(offset, end));
      this.#socket.uncork();
      transfer.offset = end;
      if (end < data.length) this.#transfers.push(transfer);
    }
    if (this.#transfers.length > 0 && !this.#isWaitingForDrain) {
      this.#isWaitingForDrain = true;
      this.#socket.once('drain', () => {
        this.#isWaitingForDrain = false;
        this.#pump();
      });
    }
  }

  #onData(chunk: Buffer): void {
    const problem = this.#reader.push(chunk, this.#sink);
    if (problem !== undefined) {
      this.#lose(`protocol error: ${problem}`);
      this.#socket.destroy();
    }
  }

  readonly #sink = {
    onFrame: (body: Buffer): void => this.#onFrame(body),
    onPart: (callId: number, data: Buffer): void => this.#onPart(callId, data),
  };

  #onFrame(body: Buffer): void {
    if (this.#failure !== undefined) return;
    let frame: v1.DataFrame;
    try {
      frame = v1.DataFrame.decode(body);
    } catch (error) {
      this.#lose(`protocol error: undecodable frame (${(error as Error).message})`);
      this.#socket.destroy();
      return;
    }
    const { callId } = frame;
    if (callId === 0 && frame.error) {
      this.#lose(`the worker refused the connection (${frame.error.code}: ${frame.error.message})`);
      this.#socket.destroy();
      return;
    }
    const call = this.#calls.get(callId);
    if (!call) return; // a call given up on (timeout, abort): its answer comes too late
    const payloadBytes = frame.payloadBytes;
    if (payloadBytes > 0) {
      if (payloadBytes > this.#maxPayloadBytes) {
        // Python refuses such a result itself; this guards the owner's memory.
        this.#forget(callId);
        this.#send({ callId, cancel: {} });
        call.deliver({ error: resultTooLarge(call.command, payloadBytes, this.#maxPayloadBytes) });
        return;
      }
      // Uninitialised: each byte is written by a part before anyone sees it.
      const buffer = Buffer.allocUnsafe(payloadBytes);
      this.#assemblies.set(callId, { frame, buffer, received: 0 });
      return;
    }
    this.#deliver(call, frame);
  }

  /** A piece of a payload part: copied into its assembly, the one copy it gets. */
  #onPart(callId: number, data: Buffer): void {
    const assembly = this.#assemblies.get(callId);
    if (assembly === undefined || this.#failure !== undefined) return; // given up on
    const { frame, buffer } = assembly;
    if (assembly.received + data.length > buffer.length) {
      this.#lose(`protocol error: payload parts of call ${callId} exceed its declared size`);
      this.#socket.destroy();
      return;
    }
    data.copy(buffer, assembly.received);
    assembly.received += data.length;
    if (assembly.received < buffer.length) return;
    this.#assemblies.delete(callId);
    const payload = frame.response?.result ?? frame.chunk?.data;
    if (payload) payload.data = buffer;
    const call = this.#calls.get(callId);
    if (call) this.#deliver(call, frame);
  }

  #deliver(call: PendingCall, frame: v1.DataFrame): void {
    if (!frame.chunk || frame.chunk.error) this.#forget(frame.callId);
    call.deliver({ frame });
  }

  /** The connection is gone: every call in flight, and every later one, fails. */
  #lose(message: string): void {
    if (this.#failure !== undefined) return;
    this.#failure = message;
    this.#transfers.length = 0;
    for (const callId of [...this.#calls.keys()]) this.#fail(callId, message);
  }
}

function isFinal(event: CallEvent): boolean {
  return 'error' in event || !event.frame.chunk || Boolean(event.frame.chunk.error);
}
