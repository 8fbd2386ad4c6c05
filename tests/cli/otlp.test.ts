import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cleanUp, exitOf, freePort, startCli, waitForReady } from './cli.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

beforeAll(buildCli, 120_000);
afterEach(cleanUp);

/** An OTLP/HTTP endpoint that accepts everything and keeps each request's path and size. */
async function startReceiver() {
  const received: { path: string; bytes: number }[] = [];
  const server = createServer((request, response) => {
    let bytes = 0;
    request.on('data', (chunk: Buffer) => (bytes += chunk.length));
    request.on('end', () => {
      received.push({ path: request.url ?? '', bytes });
      response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, close: () => server.close() };
}

describe('snakepit run --otlp-endpoint', () => {
  it('exports metrics, worker spans and the worker’s log records with no other set-up', async () => {
    const receiver = await startReceiver();
    try {
      const port = await freePort();
      const cli = startCli([
        ...['run', '--workers', '1', '--status-port', String(port)],
        ...['--adapter', 'printing_adapter', '--python-path', FIXTURES],
        ...['--otlp-endpoint', receiver.url],
      ]);
      await waitForReady(cli, `http://127.0.0.1:${port}`);
      cli.child.kill('SIGTERM');
      // A graceful stop flushes every exporter before the process exits.
      expect(await exitOf(cli, 20_000)).toEqual({ code: 0, signal: null });
      const paths = new Set(receiver.received.filter((r) => r.bytes > 0).map((r) => r.path));
      expect([...paths].sort(), cli.output()).toEqual(['/v1/logs', '/v1/metrics', '/v1/traces']);
      // The CLI's own lines are unchanged: the printed line is narrated too.
      expect(cli.output()).toContain('printing_adapter: model loaded');
    } finally {
      receiver.close();
    }
  });
});
