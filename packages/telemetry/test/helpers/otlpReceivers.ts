import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';

/** One export request a receiver got. */
export interface Received {
  readonly signal: 'metrics' | 'traces' | 'logs';
  readonly contentType: string;
  readonly authorization: string | undefined;
  readonly body: Uint8Array;
}

/** A local OTLP receiver; `endpoint` is what `otlp.endpoint` takes. */
export interface Receiver {
  readonly endpoint: string;
  readonly received: Received[];
  close(): Promise<void>;
}

/** An OTLP/HTTP receiver on 127.0.0.1 that accepts protobuf exports on /v1/metrics, /v1/traces and /v1/logs. */
export async function startHttpReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const signals = { '/v1/metrics': 'metrics', '/v1/traces': 'traces', '/v1/logs': 'logs' };
      const signal = signals[req.url as keyof typeof signals] as Received['signal'] | undefined;
      if (!signal || req.method !== 'POST') {
        res.writeHead(404).end();
        return;
      }
      received.push({
        signal,
        contentType: header(req.headers, 'content-type'),
        authorization: req.headers.authorization,
        body: new Uint8Array(Buffer.concat(chunks)),
      });
      // An empty ExportServiceResponse: full success.
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function header(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : (value ?? '');
}

interface GrpcJs {
  Server: new () => {
    addService(service: object, implementation: object): void;
    bindAsync(
      address: string,
      credentials: unknown,
      callback: (error: Error | null, port: number) => void,
    ): void;
    tryShutdown(callback: () => void): void;
    forceShutdown(): void;
  };
  ServerCredentials: { createInsecure(): unknown };
}

// The grpc-js the gRPC exporters use (this package does not depend on it):
// resolved from the exporter's own dependencies.
function loadGrpcJs(): GrpcJs {
  const here = createRequire(import.meta.url);
  const exporter = createRequire(here.resolve('@opentelemetry/exporter-metrics-otlp-grpc'));
  const base = createRequire(exporter.resolve('@opentelemetry/otlp-grpc-exporter-base'));
  return base('@grpc/grpc-js') as GrpcJs;
}

/** An OTLP/gRPC receiver on 127.0.0.1 for the metrics and trace Export methods, bytes in and out. */
export async function startGrpcReceiver(): Promise<Receiver> {
  const grpc = loadGrpcJs();
  const received: Received[] = [];
  const server = new grpc.Server();
  const raw = (b: Buffer) => b;
  for (const signal of ['metrics', 'traces'] as const) {
    const service = signal === 'metrics' ? 'metrics.v1.MetricsService' : 'trace.v1.TraceService';
    const definition = {
      Export: {
        path: `/opentelemetry.proto.collector.${service}/Export`,
        requestStream: false,
        responseStream: false,
        requestSerialize: raw,
        requestDeserialize: raw,
        responseSerialize: raw,
        responseDeserialize: raw,
      },
    };
    type Call = { request: Buffer; metadata: { get(key: string): unknown[] } };
    server.addService(definition, {
      Export: (call: Call, callback: (error: null, response: Buffer) => void) => {
        received.push({
          signal,
          contentType: 'application/grpc',
          authorization: call.metadata.get('authorization')[0] as string | undefined,
          body: new Uint8Array(call.request),
        });
        callback(null, Buffer.alloc(0));
      },
    });
  }
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return {
    endpoint: `http://127.0.0.1:${port}`,
    received,
    close: async () => {
      const timer = setTimeout(() => server.forceShutdown(), 2_000);
      await new Promise<void>((resolve) => server.tryShutdown(resolve));
      clearTimeout(timer);
    },
  };
}
