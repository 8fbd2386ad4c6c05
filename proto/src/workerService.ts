import { snakepit } from './gen/snakepit.js';

const v1 = snakepit.v1;

interface MessageCodec<T> {
  encode(message: T): { finish(): Uint8Array };
  decode(bytes: Uint8Array): T;
}

function method<Req, Res>(
  name: string,
  request: MessageCodec<Req>,
  response: MessageCodec<Res>,
  responseStream: boolean,
) {
  return {
    path: `/snakepit.v1.Worker/${name}`,
    requestStream: false as const,
    responseStream,
    requestSerialize: (value: Req): Uint8Array => request.encode(value).finish(),
    requestDeserialize: (bytes: Uint8Array): Req => request.decode(bytes),
    responseSerialize: (value: Res): Uint8Array => response.encode(value).finish(),
    responseDeserialize: (bytes: Uint8Array): Res => response.decode(bytes),
    options: {},
  };
}

/**
 * The `snakepit.v1.Worker` gRPC service as a nice-grpc service
 * definition (the form `createClient` takes natively).
 */
export const WorkerServiceDefinition = {
  execute: {
    ...method<snakepit.v1.IExecuteRequest, snakepit.v1.ExecuteResponse>(
      'Execute',
      v1.ExecuteRequest,
      v1.ExecuteResponse,
      false,
    ),
    responseStream: false as const,
  },
  executeStream: {
    ...method<snakepit.v1.IExecuteRequest, snakepit.v1.StreamChunk>(
      'ExecuteStream',
      v1.ExecuteRequest,
      v1.StreamChunk,
      true,
    ),
    responseStream: true as const,
  },
  health: {
    ...method<snakepit.v1.IHealthRequest, snakepit.v1.HealthResponse>(
      'Health',
      v1.HealthRequest,
      v1.HealthResponse,
      false,
    ),
    responseStream: false as const,
  },
  info: {
    ...method<snakepit.v1.IInfoRequest, snakepit.v1.InfoResponse>(
      'Info',
      v1.InfoRequest,
      v1.InfoResponse,
      false,
    ),
    responseStream: false as const,
  },
} as const;

/** The type of {@link WorkerServiceDefinition}. */
export type WorkerServiceDefinition = typeof WorkerServiceDefinition;
