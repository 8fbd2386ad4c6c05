import * as $protobuf from "protobufjs";
import Long = require("long");
export namespace snakepit {

    namespace v1 {

        interface IControlFrame {
            ready?: (snakepit.v1.IReady|null);
            ping?: (snakepit.v1.IPing|null);
            pong?: (snakepit.v1.IPong|null);
            busy?: (snakepit.v1.IBusy|null);
            shutdown?: (snakepit.v1.IShutdown|null);
            log?: (snakepit.v1.ILog|null);
            fault?: (snakepit.v1.IFault|null);
        }

        class ControlFrame implements IControlFrame {
            constructor(properties?: snakepit.v1.IControlFrame);
            public ready?: (snakepit.v1.IReady|null);
            public ping?: (snakepit.v1.IPing|null);
            public pong?: (snakepit.v1.IPong|null);
            public busy?: (snakepit.v1.IBusy|null);
            public shutdown?: (snakepit.v1.IShutdown|null);
            public log?: (snakepit.v1.ILog|null);
            public fault?: (snakepit.v1.IFault|null);
            public body?: ("ready"|"ping"|"pong"|"busy"|"shutdown"|"log"|"fault");
            public static create(properties?: snakepit.v1.IControlFrame): snakepit.v1.ControlFrame;
            public static encode(message: snakepit.v1.IControlFrame, writer?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: snakepit.v1.IControlFrame, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): snakepit.v1.ControlFrame;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): snakepit.v1.ControlFrame;
            public static fromObject(object: { [k: string]: any }): snakepit.v1.ControlFrame;
            public static toObject(message: snakepit.v1.ControlFrame, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IReady {
            pid?: (number|null);
            grpcAddress?: (string|null);
            protocolVersion?: (number|null);
            workerVersion?: (string|null);
            pythonVersion?: (string|null);
            grpcVersion?: (string|null);
            protobufVersion?: (string|null);
            commands?: (string[]|null);
            maxConcurrency?: (number|null);
            dataAddress?: (string|null);
        }

        class Ready implements IReady {
            constructor(properties?: snakepit.v1.IReady);
            public pid: number;
            public grpcAddress: string;
            public protocolVersion: number;
            public workerVersion: string;
            public pythonVersion: string;
            public grpcVersion: string;
            public protobufVersion: string;
            public commands: string[];
            public maxConcurrency: number;
            public dataAddress: string;
            public static create(properties?: snakepit.v1.IReady): snakepit.v1.Ready;
            public static encode(message: snakepit.v1.IReady, writer?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: snakepit.v1.IReady, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): snakepit.v1.Ready;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): snakepit.v1.Ready;
            public static fromObject(object: { [k: string]: any }): snakepit.v1.Ready;
            public static toObject(message: snakepit.v1.Ready, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IPing {
            seq?: (number|null);
            sentUnixMs?: (number|null);
        }

        class Ping implements IPing {
            constructor(properties?: snakepit.v1.IPing);
            public seq: number;
            public sentUnixMs: number;
            public static create(properties?: snakepit.v1.IPing): snakepit.v1.Ping;
            public static encode(message: snakepit.v1.IPing, writer?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: snakepit.v1.IPing, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): snakepit.v1.Ping;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): snakepit.v1.Ping;
            public static fromObject(object: { [k: string]: any }): snakepit.v1.Ping;
            public static toObject(message: snakepit.v1.Ping, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IWorkerStats {
            rssBytes?: (number|null);
            cpuTimeUs?: (number|null);
            inFlight?: (number|null);
            completed?: (number|null);
        }

        class WorkerStats implements IWorkerStats {
            constructor(properties?: snakepit.v1.IWorkerStats);
            public rssBytes: number;
            public cpuTimeUs: number;
            public inFlight: number;
            public completed: number;
            public static create(properties?: snakepit.v1.IWorkerStats): snakepit.v1.WorkerStats;
            public static encode(message: snakepit.v1.IWorkerStats, writer?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: snakepit.v1.IWorkerStats, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): snakepit.v1.WorkerStats;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): snakepit.v1.WorkerStats;
            public static fromObject(object: { [k: string]: any }): snakepit.v1.WorkerStats;
            public static toObject(message: snakepit.v1.WorkerStats, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IPong {
            seq?: (number|null);
            stats?: (snakepit.v1.IWorkerStats|null);
        }

        class Pong implements IPong {
            constructor(properties?: snakepit.v1.IPong);
            public seq: number;
            public stats?: (snakepit.v1.IWorkerStats|null);
            public static create(properties?: snakepit.v1.IPong): snakepit.v1.Pong;
            public static encode(message: snakepit.v1.IPong, writer?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: snakepit.v1.IPong, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): snakepit.v1.Pong;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): snakepit.v1.Pong;
            public static fromObject(object: { [k: string]: any }): snakepit.v1.Pong;
            public static toObject(message: snakepit.v1.Pong, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IBusy {
            untilUnixMs?: (number|null);
            reason?: (string|null);
            durationMs?: (number|null);
        }

        class Busy implements IBusy {
            constructor(properties?: snakepit.v1.IBusy);
            public untilUnixMs: number;
            public reason: string;
            public durationMs: number;
            public static create(properties?: snakepit.v1.IBusy): snakepit.v1.Busy;
            public static encode(message: snakepit.v1.IBusy, writer?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: snakepit.v1.IBusy, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): snakepit.v1.Busy;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): snakepit.v1.Busy;
            public static fromObject(object: { [k: string]: any }): snakepit.v1.Busy;
            public static toObject(message: snakepit.v1.Busy, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IShutdown {
            deadlineMs?: (number|null);
        }

        class Shutdown implements IShutdown {
            constructor(properties?: snakepit.v1.IShutdown);
            public deadlineMs: number;
            public static create(properties?: snakepit.v1.IShutdown): snakepit.v1.Shutdown;
            public static encode(message: snakepit.v1.IShutdown, writer?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: snakepit.v1.IShutdown, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): snakepit.v1.Shutdown;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): snakepit.v1.Shutdown;
            public static fromObject(object: { [k: string]: any }): snakepit.v1.Shutdown;
            public static toObject(message: snakepit.v1.Shutdown, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ILog {
            level?: (snakepit.v1.Log.Level|null);
            message?: (string|null);
            logger?: (string|null);
            traceparent?: (string|null);
        }

        class Log implements ILog {
            constructor(properties?: snakepit.v1.ILog);
            public level: snakepit.v1.Log.Level;
            public message: string;
            public logger: string;
            public traceparent: string;
            public static create(properties?: snakepit.v1.ILog): snakepit.v1.Log;
            public static encode(message: snakepit.v1.ILog, writer?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: snakepit.v1.ILog, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): snakepit.v1.Log;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): snakepit.v1.Log;
            public static fromObject(object: { [k: string]: any }): snakepit.v1.Log;
            public static toObject(message: snakepit.v1.Log, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        namespace Log {

            enum Level {
                LEVEL_UNSPECIFIED = 0,
                DEBUG = 1,
                INFO = 2,
                WARNING = 3,
                ERROR = 4,
                CRITICAL = 5
            }
        }

        interface IFault {
            code?: (string|null);
            message?: (string|null);
            error?: (snakepit.v1.IPythonError|null);
        }

        class Fault implements IFault {
            constructor(properties?: snakepit.v1.IFault);
            public code: string;
            public message: string;
            public error?: (snakepit.v1.IPythonError|null);
            public static create(properties?: snakepit.v1.IFault): snakepit.v1.Fault;
            public static encode(message: snakepit.v1.IFault, writer?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: snakepit.v1.IFault, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): snakepit.v1.Fault;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): snakepit.v1.Fault;
            public static fromObject(object: { [k: string]: any }): snakepit.v1.Fault;
            public static toObject(message: snakepit.v1.Fault, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IPythonError {
            type?: (string|null);
            message?: (string|null);
            traceback?: (string|null);
        }

        class PythonError implements IPythonError {
            constructor(properties?: snakepit.v1.IPythonError);
            public type: string;
            public message: string;
            public traceback: string;
            public static create(properties?: snakepit.v1.IPythonError): snakepit.v1.PythonError;
            public static encode(message: snakepit.v1.IPythonError, writer?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: snakepit.v1.IPythonError, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): snakepit.v1.PythonError;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): snakepit.v1.PythonError;
            public static fromObject(object: { [k: string]: any }): snakepit.v1.PythonError;
            public static toObject(message: snakepit.v1.PythonError, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IExecuteRequest {
            command?: (string|null);
            payload?: (Uint8Array|null);
            contentType?: (string|null);
            metadata?: ({ [k: string]: string }|null);
            timeoutMs?: (number|null);
            forwardSpans?: (boolean|null);
        }

        class ExecuteRequest implements IExecuteRequest {
            constructor(properties?: snakepit.v1.IExecuteRequest);
            public command: string;
            public payload: Uint8Array;
            public contentType: string;
            public metadata: { [k: string]: string };
            public timeoutMs: number;
            public forwardSpans: boolean;
            public static create(properties?: snakepit.v1.IExecuteRequest): snakepit.v1.ExecuteRequest;
            public static encode(message: snakepit.v1.IExecuteRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: snakepit.v1.IExecuteRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): snakepit.v1.ExecuteRequest;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): snakepit.v1.ExecuteRequest;
            public static fromObject(object: { [k: string]: any }): snakepit.v1.ExecuteRequest;
            public static toObject(message: snakepit.v1.ExecuteRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IExecuteResponse {
            result?: (snakepit.v1.IPayload|null);
            error?: (snakepit.v1.IPythonError|null);
            handlerTimeUs?: (number|null);
            handlerSpanRecorded?: (boolean|null);
            spans?: (snakepit.v1.IPythonSpan[]|null);
        }

        class ExecuteResponse implements IExecuteResponse {
            constructor(properties?: snakepit.v1.IExecuteResponse);
            public result?: (snakepit.v1.IPayload|null);
            public error?: (snakepit.v1.IPythonError|null);
            public handlerTimeUs: number;
            public handlerSpanRecorded: boolean;
            public spans: snakepit.v1.IPythonSpan[];
            public outcome?: ("result"|"error");
            public static create(properties?: snakepit.v1.IExecuteResponse): snakepit.v1.ExecuteResponse;
            public static encode(message: snakepit.v1.IExecuteResponse, writer?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: snakepit.v1.IExecuteResponse, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): snakepit.v1.ExecuteResponse;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): snakepit.v1.ExecuteResponse;
            public static fromObject(object: { [k: string]: any }): snakepit.v1.ExecuteResponse;
            public static toObject(message: snakepit.v1.ExecuteResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IPythonSpan {
            name?: (string|null);
            traceId?: (Uint8Array|null);
            spanId?: (Uint8Array|null);
            parentSpanId?: (Uint8Array|null);
            kind?: (number|null);
            startTimeUnixUs?: (number|null);
            endTimeUnixUs?: (number|null);
            attributesJson?: (string|null);
            statusCode?: (number|null);
            statusMessage?: (string|null);
            events?: (snakepit.v1.IPythonSpanEvent[]|null);
            scopeName?: (string|null);
            scopeVersion?: (string|null);
            droppedAttributes?: (number|null);
            droppedEvents?: (number|null);
        }

        class PythonSpan implements IPythonSpan {
            constructor(properties?: snakepit.v1.IPythonSpan);
            public name: string;
            public traceId: Uint8Array;
            public spanId: Uint8Array;
            public parentSpanId: Uint8Array;
            public kind: number;
            public startTimeUnixUs: number;
            public endTimeUnixUs: number;
            public attributesJson: string;
            public statusCode: number;
            public statusMessage: string;
            public events: snakepit.v1.IPythonSpanEvent[];
            public scopeName: string;
            public scopeVersion: string;
            public droppedAttributes: number;
            public droppedEvents: number;
            public static create(properties?: snakepit.v1.IPythonSpan): snakepit.v1.PythonSpan;
            public static encode(message: snakepit.v1.IPythonSpan, writer?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: snakepit.v1.IPythonSpan, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): snakepit.v1.PythonSpan;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): snakepit.v1.PythonSpan;
            public static fromObject(object: { [k: string]: any }): snakepit.v1.PythonSpan;
            public static toObject(message: snakepit.v1.PythonSpan, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IPythonSpanEvent {
            name?: (string|null);
            timeUnixUs?: (number|null);
            attributesJson?: (string|null);
        }

        class PythonSpanEvent implements IPythonSpanEvent {
            constructor(properties?: snakepit.v1.IPythonSpanEvent);
            public name: string;
            public timeUnixUs: number;
            public attributesJson: string;
            public static create(properties?: snakepit.v1.IPythonSpanEvent): snakepit.v1.PythonSpanEvent;
            public static encode(message: snakepit.v1.IPythonSpanEvent, writer?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: snakepit.v1.IPythonSpanEvent, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): snakepit.v1.PythonSpanEvent;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): snakepit.v1.PythonSpanEvent;
            public static fromObject(object: { [k: string]: any }): snakepit.v1.PythonSpanEvent;
            public static toObject(message: snakepit.v1.PythonSpanEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IPayload {
            data?: (Uint8Array|null);
            contentType?: (string|null);
        }

        class Payload implements IPayload {
            constructor(properties?: snakepit.v1.IPayload);
            public data: Uint8Array;
            public contentType: string;
            public static create(properties?: snakepit.v1.IPayload): snakepit.v1.Payload;
            public static encode(message: snakepit.v1.IPayload, writer?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: snakepit.v1.IPayload, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): snakepit.v1.Payload;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): snakepit.v1.Payload;
            public static fromObject(object: { [k: string]: any }): snakepit.v1.Payload;
            public static toObject(message: snakepit.v1.Payload, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IStreamChunk {
            data?: (snakepit.v1.IPayload|null);
            error?: (snakepit.v1.IPythonError|null);
            index?: (number|null);
        }

        class StreamChunk implements IStreamChunk {
            constructor(properties?: snakepit.v1.IStreamChunk);
            public data?: (snakepit.v1.IPayload|null);
            public error?: (snakepit.v1.IPythonError|null);
            public index: number;
            public body?: ("data"|"error");
            public static create(properties?: snakepit.v1.IStreamChunk): snakepit.v1.StreamChunk;
            public static encode(message: snakepit.v1.IStreamChunk, writer?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: snakepit.v1.IStreamChunk, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): snakepit.v1.StreamChunk;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): snakepit.v1.StreamChunk;
            public static fromObject(object: { [k: string]: any }): snakepit.v1.StreamChunk;
            public static toObject(message: snakepit.v1.StreamChunk, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IDataFrame {
            callId?: (number|null);
            execute?: (snakepit.v1.IExecuteRequest|null);
            stream?: (snakepit.v1.IExecuteRequest|null);
            cancel?: (snakepit.v1.ICancel|null);
            response?: (snakepit.v1.IExecuteResponse|null);
            chunk?: (snakepit.v1.IStreamChunk|null);
            end?: (snakepit.v1.IStreamEnd|null);
            error?: (snakepit.v1.ITransportError|null);
            credit?: (snakepit.v1.IStreamCredit|null);
            payloadBytes?: (number|null);
            streamWindow?: (number|null);
        }

        class DataFrame implements IDataFrame {
            constructor(properties?: snakepit.v1.IDataFrame);
            public callId: number;
            public execute?: (snakepit.v1.IExecuteRequest|null);
            public stream?: (snakepit.v1.IExecuteRequest|null);
            public cancel?: (snakepit.v1.ICancel|null);
            public response?: (snakepit.v1.IExecuteResponse|null);
            public chunk?: (snakepit.v1.IStreamChunk|null);
            public end?: (snakepit.v1.IStreamEnd|null);
            public error?: (snakepit.v1.ITransportError|null);
            public credit?: (snakepit.v1.IStreamCredit|null);
            public payloadBytes: number;
            public streamWindow: number;
            public body?: ("execute"|"stream"|"cancel"|"response"|"chunk"|"end"|"error"|"credit");
            public static create(properties?: snakepit.v1.IDataFrame): snakepit.v1.DataFrame;
            public static encode(message: snakepit.v1.IDataFrame, writer?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: snakepit.v1.IDataFrame, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): snakepit.v1.DataFrame;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): snakepit.v1.DataFrame;
            public static fromObject(object: { [k: string]: any }): snakepit.v1.DataFrame;
            public static toObject(message: snakepit.v1.DataFrame, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ICancel {
        }

        class Cancel implements ICancel {
            constructor(properties?: snakepit.v1.ICancel);
            public static create(properties?: snakepit.v1.ICancel): snakepit.v1.Cancel;
            public static encode(message: snakepit.v1.ICancel, writer?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: snakepit.v1.ICancel, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): snakepit.v1.Cancel;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): snakepit.v1.Cancel;
            public static fromObject(object: { [k: string]: any }): snakepit.v1.Cancel;
            public static toObject(message: snakepit.v1.Cancel, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IStreamEnd {
        }

        class StreamEnd implements IStreamEnd {
            constructor(properties?: snakepit.v1.IStreamEnd);
            public static create(properties?: snakepit.v1.IStreamEnd): snakepit.v1.StreamEnd;
            public static encode(message: snakepit.v1.IStreamEnd, writer?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: snakepit.v1.IStreamEnd, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): snakepit.v1.StreamEnd;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): snakepit.v1.StreamEnd;
            public static fromObject(object: { [k: string]: any }): snakepit.v1.StreamEnd;
            public static toObject(message: snakepit.v1.StreamEnd, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IStreamCredit {
            items?: (number|null);
        }

        class StreamCredit implements IStreamCredit {
            constructor(properties?: snakepit.v1.IStreamCredit);
            public items: number;
            public static create(properties?: snakepit.v1.IStreamCredit): snakepit.v1.StreamCredit;
            public static encode(message: snakepit.v1.IStreamCredit, writer?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: snakepit.v1.IStreamCredit, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): snakepit.v1.StreamCredit;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): snakepit.v1.StreamCredit;
            public static fromObject(object: { [k: string]: any }): snakepit.v1.StreamCredit;
            public static toObject(message: snakepit.v1.StreamCredit, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface ITransportError {
            code?: (string|null);
            message?: (string|null);
        }

        class TransportError implements ITransportError {
            constructor(properties?: snakepit.v1.ITransportError);
            public code: string;
            public message: string;
            public static create(properties?: snakepit.v1.ITransportError): snakepit.v1.TransportError;
            public static encode(message: snakepit.v1.ITransportError, writer?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: snakepit.v1.ITransportError, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): snakepit.v1.TransportError;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): snakepit.v1.TransportError;
            public static fromObject(object: { [k: string]: any }): snakepit.v1.TransportError;
            public static toObject(message: snakepit.v1.TransportError, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IHealthRequest {
        }

        class HealthRequest implements IHealthRequest {
            constructor(properties?: snakepit.v1.IHealthRequest);
            public static create(properties?: snakepit.v1.IHealthRequest): snakepit.v1.HealthRequest;
            public static encode(message: snakepit.v1.IHealthRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: snakepit.v1.IHealthRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): snakepit.v1.HealthRequest;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): snakepit.v1.HealthRequest;
            public static fromObject(object: { [k: string]: any }): snakepit.v1.HealthRequest;
            public static toObject(message: snakepit.v1.HealthRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IHealthResponse {
            status?: (snakepit.v1.HealthResponse.Status|null);
            stats?: (snakepit.v1.IWorkerStats|null);
        }

        class HealthResponse implements IHealthResponse {
            constructor(properties?: snakepit.v1.IHealthResponse);
            public status: snakepit.v1.HealthResponse.Status;
            public stats?: (snakepit.v1.IWorkerStats|null);
            public static create(properties?: snakepit.v1.IHealthResponse): snakepit.v1.HealthResponse;
            public static encode(message: snakepit.v1.IHealthResponse, writer?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: snakepit.v1.IHealthResponse, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): snakepit.v1.HealthResponse;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): snakepit.v1.HealthResponse;
            public static fromObject(object: { [k: string]: any }): snakepit.v1.HealthResponse;
            public static toObject(message: snakepit.v1.HealthResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        namespace HealthResponse {

            enum Status {
                STATUS_UNSPECIFIED = 0,
                SERVING = 1,
                NOT_SERVING = 2
            }
        }

        interface IInfoRequest {
        }

        class InfoRequest implements IInfoRequest {
            constructor(properties?: snakepit.v1.IInfoRequest);
            public static create(properties?: snakepit.v1.IInfoRequest): snakepit.v1.InfoRequest;
            public static encode(message: snakepit.v1.IInfoRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: snakepit.v1.IInfoRequest, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): snakepit.v1.InfoRequest;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): snakepit.v1.InfoRequest;
            public static fromObject(object: { [k: string]: any }): snakepit.v1.InfoRequest;
            public static toObject(message: snakepit.v1.InfoRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        interface IInfoResponse {
            ready?: (snakepit.v1.IReady|null);
            adapter?: (string|null);
        }

        class InfoResponse implements IInfoResponse {
            constructor(properties?: snakepit.v1.IInfoResponse);
            public ready?: (snakepit.v1.IReady|null);
            public adapter: string;
            public static create(properties?: snakepit.v1.IInfoResponse): snakepit.v1.InfoResponse;
            public static encode(message: snakepit.v1.IInfoResponse, writer?: $protobuf.Writer): $protobuf.Writer;
            public static encodeDelimited(message: snakepit.v1.IInfoResponse, writer?: $protobuf.Writer): $protobuf.Writer;
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): snakepit.v1.InfoResponse;
            public static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): snakepit.v1.InfoResponse;
            public static fromObject(object: { [k: string]: any }): snakepit.v1.InfoResponse;
            public static toObject(message: snakepit.v1.InfoResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };
            public toJSON(): { [k: string]: any };
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        class Worker extends $protobuf.rpc.Service {
            constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);
            public static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): Worker;
            public execute(request: snakepit.v1.IExecuteRequest, callback: snakepit.v1.Worker.ExecuteCallback): void;
            public execute(request: snakepit.v1.IExecuteRequest): Promise<snakepit.v1.ExecuteResponse>;
            public executeStream(request: snakepit.v1.IExecuteRequest, callback: snakepit.v1.Worker.ExecuteStreamCallback): void;
            public executeStream(request: snakepit.v1.IExecuteRequest): Promise<snakepit.v1.StreamChunk>;
            public health(request: snakepit.v1.IHealthRequest, callback: snakepit.v1.Worker.HealthCallback): void;
            public health(request: snakepit.v1.IHealthRequest): Promise<snakepit.v1.HealthResponse>;
            public info(request: snakepit.v1.IInfoRequest, callback: snakepit.v1.Worker.InfoCallback): void;
            public info(request: snakepit.v1.IInfoRequest): Promise<snakepit.v1.InfoResponse>;
        }

        namespace Worker {

            type ExecuteCallback = (error: (Error|null), response?: snakepit.v1.ExecuteResponse) => void;

            type ExecuteStreamCallback = (error: (Error|null), response?: snakepit.v1.StreamChunk) => void;

            type HealthCallback = (error: (Error|null), response?: snakepit.v1.HealthResponse) => void;

            type InfoCallback = (error: (Error|null), response?: snakepit.v1.InfoResponse) => void;
        }
    }
}
