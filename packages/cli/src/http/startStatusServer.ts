import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import type { AddressInfo } from 'node:net';
import { SnakepitError } from '@snakepit/core';
import type { RunMonitor } from '../run/RunMonitor.js';
import type { MetricsEndpoint } from '../run/startTelemetry.js';
import { serveEvents } from './serveEvents.js';
import { STATUS_PAGE_HTML } from './statusPage.js';

/** Options of {@link startStatusServer}. */
export interface StatusServerOptions {
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly monitor: RunMonitor;
  readonly metrics: MetricsEndpoint | undefined;
  /** Serve `/metrics` only (the metrics port). @default false */
  readonly isMetricsOnly?: boolean;
  /** Time between two status events of the live page, ms. @default 1000 */
  readonly statusIntervalMs?: number;
  /**
   * Host names (`Host` header, without the port) answered besides IP
   * addresses, `localhost` and `host` itself; any other gets 421. Guards
   * `/status` and the live page against DNS rebinding from a browser.
   * @default []
   */
  readonly allowedHosts?: readonly string[];
}

/** A listening status server. */
export interface StatusServer {
  /** `http://host:port`, without a trailing slash. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and ends open event streams. */
  close(): Promise<void>;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Starts the HTTP endpoints of a run (node:http, no framework):
 * `/healthz` (the process is alive), `/readyz` (200 once the pool has its
 * minimum ready workers, else 503), `/status` (JSON), `/metrics`
 * (Prometheus), `/events` (server-sent events) and `/`, the live page.
 * Requests naming another host (`Host` header) get 421: see `allowedHosts`.
 *
 * @throws {SnakepitError} `INVALID_OPTIONS` when the port cannot be listened on.
 */
export async function startStatusServer(options: StatusServerOptions): Promise<StatusServer> {
  const routes = options.isMetricsOnly ? metricsRoutes(options) : allRoutes(options);
  const host = options.host ?? '127.0.0.1';
  const isAllowedHost = hostCheck([host, ...(options.allowedHosts ?? [])]);
  const server = createServer((request, response) => {
    if (!isAllowedHost(request.headers.host)) {
      return sendText(
        response,
        421,
        `Host ${JSON.stringify(request.headers.host ?? '')} is not served here: add it to allowedHosts (--allowed-hosts, SNAKEPIT_ALLOWED_HOSTS)\n`,
      );
    }
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const handler = routes.get(path);
    if (!handler) return sendText(response, 404, `Not found: ${path}\n`);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      return sendText(response, 405, 'Method not allowed\n');
    }
    handler(request, response);
  });
  await listen(server, host, options.port);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: () => close(server),
  };
}

/**
 * Whether a request's `Host` header names this server: an IP address (a DNS
 * rebinding attack needs a name of the attacker's), `localhost`, or one of
 * `names`. A request without the header (HTTP/1.0 tools) is answered.
 */
function hostCheck(names: readonly string[]): (header: string | undefined) => boolean {
  const allowed = new Set(['localhost', ...names.map((name) => name.toLowerCase())]);
  return (header) => {
    if (header === undefined || header === '') return true;
    const name = hostName(header);
    return name !== undefined && (isIP(name) !== 0 || allowed.has(name));
  };
}

/** The host name of a `Host` header (`[::1]:80` → `::1`), lower-case. */
function hostName(header: string): string | undefined {
  try {
    const name = new URL(`http://${header}`).hostname.toLowerCase();
    return name.startsWith('[') ? name.slice(1, -1) : name;
  } catch {
    return undefined;
  }
}

function allRoutes(options: StatusServerOptions): Map<string, Handler> {
  const { monitor } = options;
  return new Map<string, Handler>([
    ['/healthz', (_, res) => sendText(res, 200, 'ok\n')],
    [
      '/readyz',
      (_, res) => {
        const s = monitor.status();
        const text = `${s.readyWorkers} of ${s.size} workers ready (minimum ${s.minReady}), run ${s.state}\n`;
        sendText(res, s.isReady ? 200 : 503, `${s.isReady ? 'ready' : 'not ready'}: ${text}`);
      },
    ],
    ['/status', (_, res) => sendJson(res, monitor.status())],
    ...metricsRoutes(options),
    [
      '/events',
      (req, res) =>
        serveEvents(req, res, monitor, {
          ...(options.statusIntervalMs === undefined
            ? {}
            : { intervalMs: options.statusIntervalMs }),
        }),
    ],
    ['/', (_, res) => send(res, 200, 'text/html; charset=utf-8', STATUS_PAGE_HTML)],
  ]);
}

function metricsRoutes(options: StatusServerOptions): Map<string, Handler> {
  const { metrics } = options;
  return new Map<string, Handler>([
    [
      '/metrics',
      (req, res) =>
        metrics ? metrics.handle(req, res) : sendText(res, 404, 'Metrics are not enabled\n'),
    ],
  ]);
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

function sendText(response: ServerResponse, status: number, body: string): void {
  send(response, status, 'text/plain; charset=utf-8', body);
}

function sendJson(response: ServerResponse, body: unknown): void {
  send(response, 200, 'application/json; charset=utf-8', `${JSON.stringify(body)}\n`);
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(
        new SnakepitError(
          'INVALID_OPTIONS',
          `Could not listen on ${host}:${port}: ${error.code === 'EADDRINUSE' ? 'the port is in use' : error.message}`,
          { cause: error, details: { host, port } },
        ),
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Event streams never end by themselves.
    server.closeAllConnections();
  });
}
