import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RunMonitor } from '../run/RunMonitor.js';

/** Options of {@link serveEvents}. */
export interface ServeEventsOptions {
  /** Time between two `status` events when nothing happens, ms. @default 1000 */
  readonly intervalMs?: number;
  /** Coalescing delay of the `status` event that follows a change, ms. @default 100 */
  readonly changeDelayMs?: number;
}

/**
 * Streams the run to a browser as server-sent events: one `snapshot`
 * (status and timeline so far), then each `lifecycle` entry as it happens
 * and a `status` after every change and every `intervalMs`.
 */
export function serveEvents(
  request: IncomingMessage,
  response: ServerResponse,
  monitor: RunMonitor,
  options: ServeEventsOptions = {},
): void {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    // Proxies (nginx) must not buffer the stream.
    'x-accel-buffering': 'no',
  });
  const send = (event: string, data: unknown): void => {
    response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  response.write('retry: 1000\n\n');
  send('snapshot', { status: monitor.status(), timeline: monitor.timeline() });
  let pending: NodeJS.Timeout | undefined;
  const offEntry = monitor.onEntry((entry) => send('lifecycle', entry));
  const offChange = monitor.onChange(() => {
    pending ??= setTimeout(() => {
      pending = undefined;
      send('status', monitor.status());
    }, options.changeDelayMs ?? 100);
  });
  const interval = setInterval(() => send('status', monitor.status()), options.intervalMs ?? 1_000);
  const stop = (): void => {
    offEntry();
    offChange();
    clearInterval(interval);
    if (pending) clearTimeout(pending);
  };
  request.on('close', stop);
  response.on('close', stop);
}
