/** The default payload limit: gRPC's default message limit. */
export const DEFAULT_MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;

/**
 * The gRPC message limit, set on both sides, for a payload limit: room for
 * the envelope around the payload. (No gRPC import: actor threads use it.)
 */
export function messageLimitBytes(maxPayloadBytes: number): number {
  return maxPayloadBytes + 64 * 1024;
}
