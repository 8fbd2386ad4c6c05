/**
 * Longest line a worker's output is split into, in bytes: a longer one comes
 * out in pieces of at most this size. The fork server's output relay
 * (`snakepit_worker/output.py`) uses the same figure and rules, so both start
 * modes log the same events.
 */
export const MAX_OUTPUT_LINE_BYTES = 64 * 1024;

const LF = 0x0a;
const CR = 0x0d;
const EMPTY = Buffer.alloc(0);
/** A buffer grown past this for a long line is dropped after it, not kept per stream. */
const KEPT_BUFFER_BYTES = 4096;

/**
 * Splits a byte stream into UTF-8 lines at `\n`, `\r\n` or a lone `\r` (the
 * line ends of `node:readline`, which it replaces), the line end dropped.
 * It holds at most `maxLineBytes` of a line: a longer line is handed on in
 * pieces of at most that many bytes, cut between characters, the last
 * piece ending where the line ends. Never throws; memory stays bounded
 * whatever the input (readline kept a line whole until V8's string limit,
 * then threw).
 */
export class LineSplitter {
  readonly #onLine: (line: string) => void;
  readonly #maxLineBytes: number;
  /** The start of the current line (a copy: a view would pin the chunk it came from). */
  #buffer = EMPTY;
  #length = 0;
  /** The last byte seen was a `\r`: a `\n` right after it ends no second line. */
  #isAfterCr = false;

  /** @param maxLineBytes at least 4 (one UTF-8 character). @default MAX_OUTPUT_LINE_BYTES */
  constructor(onLine: (line: string) => void, maxLineBytes = MAX_OUTPUT_LINE_BYTES) {
    this.#onLine = onLine;
    this.#maxLineBytes = Math.max(4, maxLineBytes);
  }

  /** Takes the next chunk of the stream; calls `onLine` for each line or piece it completes. */
  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    let start = this.#isAfterCr && chunk[0] === LF ? 1 : 0;
    this.#isAfterCr = false;
    let nextLf = chunk.indexOf(LF, start);
    let nextCr = chunk.indexOf(CR, start);
    while (nextLf >= 0 || nextCr >= 0) {
      const end = nextCr < 0 || (nextLf >= 0 && nextLf < nextCr) ? nextLf : nextCr;
      this.#endLine(chunk.subarray(start, end));
      start = end + 1;
      if (end === nextCr) {
        if (chunk[start] === LF) start++;
        else if (start === chunk.length) this.#isAfterCr = true;
      }
      if (nextLf >= 0 && nextLf < start) nextLf = chunk.indexOf(LF, start);
      if (nextCr >= 0 && nextCr < start) nextCr = chunk.indexOf(CR, start);
    }
    this.#append(chunk.subarray(start));
  }

  /** Ends the stream: hands on its last line if it had no line end. */
  end(): void {
    if (this.#length > 0) this.#endLine(EMPTY);
    this.#isAfterCr = false;
  }

  #endLine(tail: Buffer): void {
    if (this.#length === 0 && tail.length <= this.#maxLineBytes) {
      this.#emit(tail);
      return;
    }
    this.#append(tail);
    this.#emit(this.#buffer.subarray(0, this.#length));
    this.#length = 0;
    if (this.#buffer.length > KEPT_BUFFER_BYTES) this.#buffer = EMPTY;
  }

  /** Adds `bytes` to the current line, handing on a piece each time it outgrows the limit. */
  #append(bytes: Buffer): void {
    let rest = bytes;
    while (this.#length + rest.length > this.#maxLineBytes) {
      const cut = this.#pieceEnd(rest);
      if (cut <= this.#length) {
        this.#emit(this.#buffer.subarray(0, cut));
        this.#buffer.copyWithin(0, cut, this.#length);
        this.#length -= cut;
        continue;
      }
      const fromRest = cut - this.#length;
      const piece =
        this.#length === 0
          ? rest.subarray(0, fromRest)
          : Buffer.concat([this.#buffer.subarray(0, this.#length), rest.subarray(0, fromRest)]);
      this.#length = 0;
      rest = rest.subarray(fromRest);
      this.#emit(piece);
    }
    this.#store(rest);
  }

  /**
   * Where the next piece of the line (held bytes, then `rest`) ends: at the
   * limit, or up to 3 bytes before so as not to cut a UTF-8 character (at the
   * limit anyway when those bytes are not valid UTF-8).
   */
  #pieceEnd(rest: Buffer): number {
    const max = this.#maxLineBytes;
    for (let cut = max; cut > max - 4; cut--) {
      const byte = cut < this.#length ? this.#buffer[cut] : rest[cut - this.#length];
      if (((byte ?? 0) & 0xc0) !== 0x80) return cut;
    }
    return max;
  }

  #store(bytes: Buffer): void {
    if (bytes.length === 0) return;
    const needed = this.#length + bytes.length;
    if (needed > this.#buffer.length) {
      const size = Math.min(this.#maxLineBytes, Math.max(needed, 2 * this.#buffer.length, 256));
      const grown = Buffer.allocUnsafe(size);
      this.#buffer.copy(grown, 0, 0, this.#length);
      this.#buffer = grown;
    }
    bytes.copy(this.#buffer, this.#length);
    this.#length = needed;
  }

  #emit(bytes: Buffer): void {
    this.#onLine(bytes.toString('utf8'));
  }
}
