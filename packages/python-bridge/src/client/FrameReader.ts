/** Bytes of the big-endian length prefix before each frame. */
const HEADER_BYTES = 4;

/**
 * Splits a byte stream into length-prefixed frames (4-byte big-endian
 * length, then the body) without copying a frame that arrived in one chunk,
 * and copying a split one once, when it is complete: a large payload comes
 * in many reads. A length over `maxFrameBytes` is a protocol error: the
 * caller must close the connection, since the stream can no longer be trusted.
 */
export class FrameReader {
  readonly #maxFrameBytes: number;
  readonly #chunks: Buffer[] = [];
  #buffered = 0;
  /** Body length of the frame being read; -1 while its header is incomplete. */
  #bodyBytes = -1;

  /** @param maxFrameBytes the largest frame body accepted, bytes. */
  constructor(maxFrameBytes: number) {
    this.#maxFrameBytes = maxFrameBytes;
  }

  /**
   * Adds `chunk` and passes each frame body it completes to `onFrame`, in
   * order. Returns a description of the protocol error when a header
   * announces more than the limit; the reader must not be used again.
   */
  push(chunk: Buffer, onFrame: (body: Buffer) => void): string | undefined {
    this.#chunks.push(chunk);
    this.#buffered += chunk.length;
    for (;;) {
      if (this.#bodyBytes < 0) {
        if (this.#buffered < HEADER_BYTES) return undefined;
        const length = this.#take(HEADER_BYTES).readUInt32BE(0);
        if (length > this.#maxFrameBytes) {
          return `a frame of ${length} bytes is over the limit of ${this.#maxFrameBytes} bytes`;
        }
        this.#bodyBytes = length;
      }
      if (this.#buffered < this.#bodyBytes) return undefined;
      const body = this.#take(this.#bodyBytes);
      this.#bodyBytes = -1;
      onFrame(body);
    }
  }

  #take(size: number): Buffer {
    this.#buffered -= size;
    const first = this.#chunks[0];
    if (first !== undefined && first.length >= size) {
      if (first.length === size) this.#chunks.shift();
      else this.#chunks[0] = first.subarray(size);
      return first.subarray(0, size);
    }
    const out = Buffer.allocUnsafe(size);
    let offset = 0;
    while (offset < size) {
      const chunk = this.#chunks[0] as Buffer;
      const part = Math.min(chunk.length, size - offset);
      chunk.copy(out, offset, 0, part);
      offset += part;
      if (part === chunk.length) this.#chunks.shift();
      else this.#chunks[0] = chunk.subarray(part);
    }
    return out;
  }
}
