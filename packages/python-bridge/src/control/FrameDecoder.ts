import { SnakepitError } from '@snakepit/core/runtime';

/** Largest control frame accepted, in bytes. Control frames are small. */
export const MAX_FRAME_BYTES = 1024 * 1024;

/** Bytes of the big-endian length prefix before each frame. */
export const FRAME_HEADER_BYTES = 4;

/**
 * Splits a byte stream into length-prefixed frames (4-byte big-endian length,
 * then the body). Handles partial reads and several frames per read. A length
 * over `maxFrameBytes` is a protocol error: the caller must close the channel,
 * since the stream can no longer be trusted.
 */
export class FrameDecoder {
  readonly #maxFrameBytes: number;
  #buffer: Buffer = Buffer.alloc(0);

  /**
   * Creates a decoder that rejects a frame body over `maxFrameBytes` bytes
   * (default {@link MAX_FRAME_BYTES}, 1 MiB).
   */
  constructor(maxFrameBytes = MAX_FRAME_BYTES) {
    this.#maxFrameBytes = maxFrameBytes;
  }

  /** Bytes received but not yet part of a complete frame. */
  get pendingBytes(): number {
    return this.#buffer.length;
  }

  /**
   * Adds `chunk` and returns the frames it completed. When a header
   * announces more than the limit, `error` is set (`FRAME_TOO_LARGE`) after
   * the frames that preceded it, and the decoder must not be used again.
   */
  push(chunk: Uint8Array): { frames: Buffer[]; error?: SnakepitError } {
    this.#buffer =
      this.#buffer.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.#buffer, chunk]);
    const frames: Buffer[] = [];
    let offset = 0;
    while (this.#buffer.length - offset >= FRAME_HEADER_BYTES) {
      const length = this.#buffer.readUInt32BE(offset);
      if (length > this.#maxFrameBytes) {
        this.#buffer = Buffer.alloc(0);
        const error = new SnakepitError(
          'FRAME_TOO_LARGE',
          `Control frame of ${length} bytes exceeds the limit of ${this.#maxFrameBytes} bytes; closing the channel.`,
          { details: { length, maxFrameBytes: this.#maxFrameBytes } },
        );
        return { frames, error };
      }
      const end = offset + FRAME_HEADER_BYTES + length;
      if (this.#buffer.length < end) break;
      frames.push(this.#buffer.subarray(offset + FRAME_HEADER_BYTES, end));
      offset = end;
    }
    this.#buffer = offset === 0 ? this.#buffer : Buffer.from(this.#buffer.subarray(offset));
    return { frames };
  }
}

/** Prefixes `body` with its 4-byte big-endian length. */
export function encodeFrame(body: Uint8Array): Buffer {
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + body.length);
  frame.writeUInt32BE(body.length, 0);
  frame.set(body, FRAME_HEADER_BYTES);
  return frame;
}
