import { describe, expect, it } from 'vitest';
import {
  defaultMaxPayloadBytes,
  frameLimitBytes,
  messageLimitBytes,
} from '../../src/client/messageLimit.js';

const MIB = 1024 * 1024;

describe('payload limits', () => {
  it('default to 256 MiB on the framed transport and stay at 4 MiB over gRPC', () => {
    expect(defaultMaxPayloadBytes('framed')).toBe(256 * MIB);
    expect(defaultMaxPayloadBytes('grpc')).toBe(4 * MIB);
    expect(defaultMaxPayloadBytes(undefined)).toBe(4 * MIB);
  });

  it('bound a frame by the inline limit whatever the payload limit, never above the message', () => {
    expect(frameLimitBytes(256 * MIB)).toBe(4 * MIB + 64 * 1024);
    expect(frameLimitBytes(64 * 1024)).toBe(messageLimitBytes(64 * 1024));
    expect(messageLimitBytes(256 * MIB)).toBe(256 * MIB + 64 * 1024);
  });
});
