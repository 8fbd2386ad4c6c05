import { FramedWorkerClient } from './FramedWorkerClient.js';
import type { DataPlaneClient } from './DataPlaneClient.js';
import { WorkerClient } from './WorkerClient.js';

/** Where a worker serves its data plane, from its `Ready` frame. */
export interface DataPlaneAddress {
  /** `unix:///…` when it serves gRPC, else empty. */
  readonly grpcAddress: string;
  /** The socket path when it serves the framed transport, else empty. */
  readonly dataAddress: string;
}

/**
 * The client for the data plane a worker announced: framed when its `Ready`
 * carries a `data_address`, gRPC otherwise. The worker's own answer decides,
 * so the client always speaks what the process serves.
 *
 * @param maxPayloadBytes largest argument or result payload.
 *   @default 256 MiB framed, 4 MiB over gRPC
 */
export function createDataPlaneClient(
  workerId: string,
  address: DataPlaneAddress,
  maxPayloadBytes?: number,
): DataPlaneClient {
  return address.dataAddress
    ? new FramedWorkerClient(workerId, address.dataAddress, maxPayloadBytes)
    : new WorkerClient(workerId, address.grpcAddress, maxPayloadBytes);
}
