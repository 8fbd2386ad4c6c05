/** The default payload limit over gRPC: gRPC's default message limit. */
export const DEFAULT_MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;

/** The default payload limit of the framed transport, which sends large payloads in parts. */
export const DEFAULT_FRAMED_MAX_PAYLOAD_BYTES = 256 * 1024 * 1024;

/** Room for the envelope around a payload (command, metadata, an error). */
const ENVELOPE_BYTES = 64 * 1024;

/**
 * The default `maxPayloadBytes` of a transport: 256 MiB framed, 4 MiB over
 * gRPC, whose every message holds its whole payload in memory at once.
 */
export function defaultMaxPayloadBytes(transport: 'grpc' | 'framed' | undefined): number {
  return transport === 'framed' ? DEFAULT_FRAMED_MAX_PAYLOAD_BYTES : DEFAULT_MAX_PAYLOAD_BYTES;
}

/**
 * The message limit for a payload limit, set on both sides: room for the
 * envelope around the payload. Over gRPC, its message limit; framed, the
 * largest call, its frame and payload parts together (Python reads it from
 * `SNAKEPIT_MAX_MESSAGE_BYTES`). (No gRPC import: actor threads use it.)
 */
export function messageLimitBytes(maxPayloadBytes: number): number {
  return maxPayloadBytes + ENVELOPE_BYTES;
}

/**
 * The largest frame of the framed transport, whatever the payload limit: a
 * frame holds at most an inline payload (64 KiB) or an error, larger payloads
 * follow it in parts. Python's `framed_server.py` uses the same bound.
 */
export function frameLimitBytes(maxPayloadBytes: number): number {
  return Math.min(messageLimitBytes(maxPayloadBytes), messageLimitBytes(DEFAULT_MAX_PAYLOAD_BYTES));
}
