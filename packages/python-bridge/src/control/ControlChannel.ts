import type { Socket } from 'node:net';
import { SnakepitError } from '@snakepit/core/runtime';
import { v1 } from '@snakepit/proto';
import { FrameDecoder, encodeFrame } from './FrameDecoder.js';

/** Callbacks of a {@link ControlChannel}. */
export interface ControlChannelHandlers {
  /** Called with each frame received, in order. */
  onFrame(frame: v1.ControlFrame): void;
  /** Called once, when the channel closes; `error` says why if it was not a clean end. */
  onClose(error: SnakepitError | undefined): void;
}

/**
 * The owner's end of a worker's control channel (fd 3): length-prefixed
 * `ControlFrame`s in both directions. A frame that is too large or does not
 * decode closes the channel: after garbage the stream cannot be re-synced.
 */
export class ControlChannel {
  readonly #socket: Socket;
  readonly #decoder: FrameDecoder;
  #handlers: ControlChannelHandlers;
  #closed = false;

  /**
   * Takes over `socket` (and resumes it): frames go to `handlers`, and a
   * socket error or close closes the channel. `maxFrameBytes` defaults to
   * {@link MAX_FRAME_BYTES}.
   */
  constructor(socket: Socket, handlers: ControlChannelHandlers, maxFrameBytes?: number) {
    this.#socket = socket;
    this.#handlers = handlers;
    this.#decoder = new FrameDecoder(maxFrameBytes);
    socket.on('data', (chunk: Buffer) => this.#onData(chunk));
    socket.on('error', (error) =>
      this.#close(
        new SnakepitError('CONTROL_PROTOCOL_ERROR', `Control channel failed: ${error.message}`, {
          cause: error,
        }),
      ),
    );
    socket.on('close', () => this.#close(undefined));
    socket.resume(); // a forked worker's socket arrives paused (see forkWorker)
  }

  /** Whether the channel has closed, by either end. */
  get isClosed(): boolean {
    return this.#closed;
  }

  /** Hands the channel to a new owner of its callbacks (after the handshake). */
  setHandlers(handlers: ControlChannelHandlers): void {
    this.#handlers = handlers;
  }

  /** Sends one frame; returns false when the channel is already closed. */
  send(frame: v1.IControlFrame): boolean {
    if (this.#closed) return false;
    this.#socket.write(encodeFrame(v1.ControlFrame.encode(frame).finish()));
    return true;
  }

  /**
   * Closes the channel and destroys the socket; `onClose` gets no error.
   * A no-op when already closed.
   */
  close(): void {
    this.#close(undefined);
  }

  #onData(chunk: Buffer): void {
    const { frames: bodies, error } = this.#decoder.push(chunk);
    for (const body of bodies) {
      if (this.#closed) return;
      let frame: v1.ControlFrame;
      try {
        frame = v1.ControlFrame.decode(body);
      } catch (error) {
        this.#close(
          new SnakepitError(
            'CONTROL_PROTOCOL_ERROR',
            `Undecodable control frame (${body.length} bytes): ${(error as Error).message}`,
            {
              cause: error,
            },
          ),
        );
        return;
      }
      this.#handlers.onFrame(frame);
    }
    if (error) this.#close(error);
  }

  #close(error: SnakepitError | undefined): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#socket.destroy();
    this.#handlers.onClose(error);
  }
}
