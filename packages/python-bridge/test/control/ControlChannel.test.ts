import { mkdtempSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SnakepitError } from '@snakepit/core';
import { v1 } from '@snakepit/proto';
import { afterEach, describe, expect, it } from 'vitest';
import { ControlChannel } from '../../src/control/ControlChannel.js';
import { encodeFrame } from '../../src/control/FrameDecoder.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

// A connected pair of real Unix sockets, like the fd-3 socketpair of a worker.
async function socketPair(): Promise<[Socket, Socket]> {
  const path = join(mkdtempSync(join(tmpdir(), 'snakepit-cc-')), 's.sock');
  const server = createServer();
  const accepted = new Promise<Socket>((resolve) => server.once('connection', resolve));
  await new Promise<void>((resolve) => server.listen(path, resolve));
  const client = createConnection(path);
  const peer = await accepted;
  server.close();
  cleanups.push(() => (client.destroy(), peer.destroy()));
  return [client, peer];
}

function open(socket: Socket) {
  const frames: v1.ControlFrame[] = [];
  let closed: { error: SnakepitError | undefined } | undefined;
  const channel = new ControlChannel(socket, {
    onFrame: (f) => frames.push(f),
    onClose: (error) => (closed = { error }),
  });
  return { channel, frames, closedWith: () => closed };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 250 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

describe('ControlChannel', () => {
  it('carries frames both ways', async () => {
    const [a, b] = await socketPair();
    const left = open(a);
    const right = open(b);
    left.channel.send({ ping: { seq: 7, sentUnixMs: 123 } });
    right.channel.send({ pong: { seq: 7, stats: { rssBytes: 1024, inFlight: 2 } } });
    await until(() => left.frames.length === 1 && right.frames.length === 1);
    expect(right.frames[0]?.ping?.seq).toBe(7);
    expect(left.frames[0]?.pong?.stats?.rssBytes).toBe(1024);
  });

  it('closes with CONTROL_PROTOCOL_ERROR on bytes that do not decode', async () => {
    const [a, b] = await socketPair();
    const side = open(a);
    b.write(encodeFrame(Buffer.from([0xff, 0xff, 0xff])));
    await until(() => side.closedWith() !== undefined);
    expect(side.closedWith()?.error?.code).toBe('CONTROL_PROTOCOL_ERROR');
    expect(side.channel.send({ ping: { seq: 1 } })).toBe(false);
  });

  it('closes with FRAME_TOO_LARGE on an oversized frame, delivering the frames before it', async () => {
    const [a, b] = await socketPair();
    const side = open(a);
    const header = Buffer.alloc(4);
    header.writeUInt32BE(64 * 1024 * 1024);
    b.write(
      Buffer.concat([encodeFrame(v1.ControlFrame.encode({ ping: { seq: 1 } }).finish()), header]),
    );
    await until(() => side.closedWith() !== undefined);
    expect(side.frames).toHaveLength(1);
    expect(side.closedWith()?.error?.code).toBe('FRAME_TOO_LARGE');
  });

  it('reports a clean end of stream without an error', async () => {
    const [a, b] = await socketPair();
    const side = open(a);
    b.end();
    await until(() => side.closedWith() !== undefined);
    expect(side.closedWith()?.error).toBeUndefined();
  });
});
