/**
 * The Snakepit wire protocol (`snakepit.v1`): messages generated from
 * `proto/snakepit.proto` with protobufjs, and the data-plane service
 * definition for nice-grpc.
 */
import { snakepit } from './gen/snakepit.js';

/** Version of the protocol in `snakepit.proto`; sent in `Ready`. */
export const PROTOCOL_VERSION = 1;

/** The generated message classes and interfaces of package `snakepit.v1`. */
export import v1 = snakepit.v1;
export { snakepit };
export { WorkerServiceDefinition } from './workerService.js';
