/** Bytes of the big-endian length prefix before each frame. */
const HEADER_BYTES = 4;
/** Bytes of the call id that opens a raw payload part. */
const CALL_ID_BYTES = 4;

/**
 * Set in the length word of a raw payload part (`proto/snakepit.proto`): the
 * other 31 bits count the call id and the part's bytes. A frame's length
 * never has it (frames are far below 2 GiB).
 */
export const PART_FLAG = 0x8000_0000;

/** Receives the frames and payload parts a {@link FrameReader} finds, in order. */
export interface FrameSink {
  /** One complete frame body. */
  readonly onFrame: (body: Buffer) => void;
  /**
   * Bytes of a raw payload part of `callId`, as they arrive: a part may come
   * in several pieces, each a view of the socket's chunk (not a copy).
   */
  readonly onPart: (callId: number, data: Buffer) => void;
}

/**
 * Splits a byte stream into length-prefixed frames (4-byte big-endian
 * length, then the body) and raw payload parts. A frame that arrived in one
 * chunk is passed on without a copy, a split one copied once, when it is
 * complete; a payload part is passed on piece by piece as it arrives, so
 * that its bytes are copied only into the buffer the payload is assembled in.
 * A length over `maxFrameBytes` is a protocol error: the caller must close
 * the connection, since the stream can no longer be trusted.
 */
export class FrameReader {
  readonly #maxFrameBytes: number;
  readonly #chunks: Buffer[] = [];
  #buffered = 0;
  /** What comes next: a length word, a frame body, a part's call id, or a part's bytes. */
  #state: 'header' | 'body' | 'callId' | 'part' = 'header';
  /** Bytes of the frame body, or of the payload part, still to come. */
  #bytes = 0;
  #partCallId = 0;

  /** @param maxFrameBytes the largest frame body, or payload part, accepted, bytes. */
  constructor(maxFrameBytes: number) {
    this.#maxFrameBytes = maxFrameBytes;
  }

  /**
   * Adds `chunk` and passes each frame body and payload piece it completes
   * to `sink`, in order. Returns a description of the protocol error when a
   * header announces more than the limit; the reader must not be used again.
   */
  push(chunk: Buffer, sink: FrameSink): string | undefined {
    this.#chunks.push(chunk);
    this.#buffered += chunk.length;
    for (;;) {
      switch (this.#state) {
        case 'header': {
          if (this.#buffered < HEADER_BYTES) return undefined;
          const word = this.#take(HEADER_BYTES).readUInt32BE(0);
          const isPart = word >= PART_FLAG;
          const bytes = isPart ? word - PART_FLAG - CALL_ID_BYTES : word;
          if (bytes > this.#maxFrameBytes || bytes < 0) {
            const what = isPart ? 'payload part' : 'frame';
            return `a ${what} of ${bytes} bytes is over the limit of ${this.#maxFrameBytes} bytes`;
          }
          this.#bytes = bytes;
          this.#state = isPart ? 'callId' : 'body';
          break;
        }
        case 'body': {
          if (this.#buffered < this.#bytes) return undefined;
          const body = this.#take(this.#bytes);
          this.#state = 'header';
          sink.onFrame(body);
          break;
        }
        case 'callId':
          if (this.#buffered < CALL_ID_BYTES) return undefined;
          this.#partCallId = this.#take(CALL_ID_BYTES).readUInt32BE(0);
          this.#state = 'part';
          break;
        case 'part':
          if (!this.#passPart(sink)) return undefined;
          this.#state = 'header';
          break;
      }
    }
  }

  /** Passes on what has arrived of the current part; true once all of it has. */
  #passPart(sink: FrameSink): boolean {
    while (this.#bytes > 0) {
      const first = this.#chunks[0];
      if (first === undefined) return false;
      const size = Math.min(first.length, this.#bytes);
      this.#bytes -= size;
      sink.onPart(this.#partCallId, this.#take(size));
    }
    return true;
  }

  /** The next `size` bytes: a view when one chunk holds them, else a copy. */
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
