/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars*/
import $protobuf from "protobufjs/minimal.js";

const $toNumber = (v) => (typeof v === "number" ? v : v.toNumber());

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const snakepit = $root.snakepit = (() => {

    /**
     * Namespace snakepit.
     * @exports snakepit
     * @namespace
     */
    const snakepit = {};

    snakepit.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof snakepit
         * @namespace
         */
        const v1 = {};

        v1.ControlFrame = (function() {

            /**
             * Properties of a ControlFrame.
             * @memberof snakepit.v1
             * @interface IControlFrame
             * @property {snakepit.v1.IReady|null} [ready] ControlFrame ready
             * @property {snakepit.v1.IPing|null} [ping] ControlFrame ping
             * @property {snakepit.v1.IPong|null} [pong] ControlFrame pong
             * @property {snakepit.v1.IBusy|null} [busy] ControlFrame busy
             * @property {snakepit.v1.IShutdown|null} [shutdown] ControlFrame shutdown
             * @property {snakepit.v1.ILog|null} [log] ControlFrame log
             * @property {snakepit.v1.IFault|null} [fault] ControlFrame fault
             */

            /**
             * Constructs a new ControlFrame.
             * @memberof snakepit.v1
             * @classdesc Represents a ControlFrame.
             * @implements IControlFrame
             * @constructor
             * @param {snakepit.v1.IControlFrame=} [properties] Properties to set
             */
            function ControlFrame(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ControlFrame ready.
             * @member {snakepit.v1.IReady|null|undefined} ready
             * @memberof snakepit.v1.ControlFrame
             * @instance
             */
            ControlFrame.prototype.ready = null;

            /**
             * ControlFrame ping.
             * @member {snakepit.v1.IPing|null|undefined} ping
             * @memberof snakepit.v1.ControlFrame
             * @instance
             */
            ControlFrame.prototype.ping = null;

            /**
             * ControlFrame pong.
             * @member {snakepit.v1.IPong|null|undefined} pong
             * @memberof snakepit.v1.ControlFrame
             * @instance
             */
            ControlFrame.prototype.pong = null;

            /**
             * ControlFrame busy.
             * @member {snakepit.v1.IBusy|null|undefined} busy
             * @memberof snakepit.v1.ControlFrame
             * @instance
             */
            ControlFrame.prototype.busy = null;

            /**
             * ControlFrame shutdown.
             * @member {snakepit.v1.IShutdown|null|undefined} shutdown
             * @memberof snakepit.v1.ControlFrame
             * @instance
             */
            ControlFrame.prototype.shutdown = null;

            /**
             * ControlFrame log.
             * @member {snakepit.v1.ILog|null|undefined} log
             * @memberof snakepit.v1.ControlFrame
             * @instance
             */
            ControlFrame.prototype.log = null;

            /**
             * ControlFrame fault.
             * @member {snakepit.v1.IFault|null|undefined} fault
             * @memberof snakepit.v1.ControlFrame
             * @instance
             */
            ControlFrame.prototype.fault = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * ControlFrame body.
             * @member {"ready"|"ping"|"pong"|"busy"|"shutdown"|"log"|"fault"|undefined} body
             * @memberof snakepit.v1.ControlFrame
             * @instance
             */
            Object.defineProperty(ControlFrame.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["ready", "ping", "pong", "busy", "shutdown", "log", "fault"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new ControlFrame instance using the specified properties.
             * @function create
             * @memberof snakepit.v1.ControlFrame
             * @static
             * @param {snakepit.v1.IControlFrame=} [properties] Properties to set
             * @returns {snakepit.v1.ControlFrame} ControlFrame instance
             */
            ControlFrame.create = function create(properties) {
                return new ControlFrame(properties);
            };

            /**
             * Encodes the specified ControlFrame message. Does not implicitly {@link snakepit.v1.ControlFrame.verify|verify} messages.
             * @function encode
             * @memberof snakepit.v1.ControlFrame
             * @static
             * @param {snakepit.v1.IControlFrame} message ControlFrame message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ControlFrame.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.ready != null && Object.hasOwnProperty.call(message, "ready"))
                    $root.snakepit.v1.Ready.encode(message.ready, writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (message.ping != null && Object.hasOwnProperty.call(message, "ping"))
                    $root.snakepit.v1.Ping.encode(message.ping, writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (message.pong != null && Object.hasOwnProperty.call(message, "pong"))
                    $root.snakepit.v1.Pong.encode(message.pong, writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (message.busy != null && Object.hasOwnProperty.call(message, "busy"))
                    $root.snakepit.v1.Busy.encode(message.busy, writer.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                if (message.shutdown != null && Object.hasOwnProperty.call(message, "shutdown"))
                    $root.snakepit.v1.Shutdown.encode(message.shutdown, writer.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                if (message.log != null && Object.hasOwnProperty.call(message, "log"))
                    $root.snakepit.v1.Log.encode(message.log, writer.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
                if (message.fault != null && Object.hasOwnProperty.call(message, "fault"))
                    $root.snakepit.v1.Fault.encode(message.fault, writer.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Encodes the specified ControlFrame message, length delimited. Does not implicitly {@link snakepit.v1.ControlFrame.verify|verify} messages.
             * @function encodeDelimited
             * @memberof snakepit.v1.ControlFrame
             * @static
             * @param {snakepit.v1.IControlFrame} message ControlFrame message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ControlFrame.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a ControlFrame message from the specified reader or buffer.
             * @function decode
             * @memberof snakepit.v1.ControlFrame
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {snakepit.v1.ControlFrame} ControlFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ControlFrame.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.snakepit.v1.ControlFrame();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.ready = $root.snakepit.v1.Ready.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 2: {
                            message.ping = $root.snakepit.v1.Ping.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 3: {
                            message.pong = $root.snakepit.v1.Pong.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 4: {
                            message.busy = $root.snakepit.v1.Busy.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 5: {
                            message.shutdown = $root.snakepit.v1.Shutdown.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 6: {
                            message.log = $root.snakepit.v1.Log.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 7: {
                            message.fault = $root.snakepit.v1.Fault.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes a ControlFrame message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof snakepit.v1.ControlFrame
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {snakepit.v1.ControlFrame} ControlFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ControlFrame.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Creates a ControlFrame message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof snakepit.v1.ControlFrame
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {snakepit.v1.ControlFrame} ControlFrame
             */
            ControlFrame.fromObject = function fromObject(object, long) {
                if (object instanceof $root.snakepit.v1.ControlFrame)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".snakepit.v1.ControlFrame: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.snakepit.v1.ControlFrame();
                if (object.ready != null) {
                    if (!$util.isObject(object.ready))
                        throw TypeError(".snakepit.v1.ControlFrame.ready: object expected");
                    message.ready = $root.snakepit.v1.Ready.fromObject(object.ready, long + 1);
                }
                if (object.ping != null) {
                    if (!$util.isObject(object.ping))
                        throw TypeError(".snakepit.v1.ControlFrame.ping: object expected");
                    message.ping = $root.snakepit.v1.Ping.fromObject(object.ping, long + 1);
                }
                if (object.pong != null) {
                    if (!$util.isObject(object.pong))
                        throw TypeError(".snakepit.v1.ControlFrame.pong: object expected");
                    message.pong = $root.snakepit.v1.Pong.fromObject(object.pong, long + 1);
                }
                if (object.busy != null) {
                    if (!$util.isObject(object.busy))
                        throw TypeError(".snakepit.v1.ControlFrame.busy: object expected");
                    message.busy = $root.snakepit.v1.Busy.fromObject(object.busy, long + 1);
                }
                if (object.shutdown != null) {
                    if (!$util.isObject(object.shutdown))
                        throw TypeError(".snakepit.v1.ControlFrame.shutdown: object expected");
                    message.shutdown = $root.snakepit.v1.Shutdown.fromObject(object.shutdown, long + 1);
                }
                if (object.log != null) {
                    if (!$util.isObject(object.log))
                        throw TypeError(".snakepit.v1.ControlFrame.log: object expected");
                    message.log = $root.snakepit.v1.Log.fromObject(object.log, long + 1);
                }
                if (object.fault != null) {
                    if (!$util.isObject(object.fault))
                        throw TypeError(".snakepit.v1.ControlFrame.fault: object expected");
                    message.fault = $root.snakepit.v1.Fault.fromObject(object.fault, long + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a ControlFrame message. Also converts values to other types if specified.
             * @function toObject
             * @memberof snakepit.v1.ControlFrame
             * @static
             * @param {snakepit.v1.ControlFrame} message ControlFrame
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ControlFrame.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (message.ready != null && Object.hasOwnProperty.call(message, "ready")) {
                    object.ready = $root.snakepit.v1.Ready.toObject(message.ready, options, q + 1);
                    if (options.oneofs)
                        object.body = "ready";
                }
                if (message.ping != null && Object.hasOwnProperty.call(message, "ping")) {
                    object.ping = $root.snakepit.v1.Ping.toObject(message.ping, options, q + 1);
                    if (options.oneofs)
                        object.body = "ping";
                }
                if (message.pong != null && Object.hasOwnProperty.call(message, "pong")) {
                    object.pong = $root.snakepit.v1.Pong.toObject(message.pong, options, q + 1);
                    if (options.oneofs)
                        object.body = "pong";
                }
                if (message.busy != null && Object.hasOwnProperty.call(message, "busy")) {
                    object.busy = $root.snakepit.v1.Busy.toObject(message.busy, options, q + 1);
                    if (options.oneofs)
                        object.body = "busy";
                }
                if (message.shutdown != null && Object.hasOwnProperty.call(message, "shutdown")) {
                    object.shutdown = $root.snakepit.v1.Shutdown.toObject(message.shutdown, options, q + 1);
                    if (options.oneofs)
                        object.body = "shutdown";
                }
                if (message.log != null && Object.hasOwnProperty.call(message, "log")) {
                    object.log = $root.snakepit.v1.Log.toObject(message.log, options, q + 1);
                    if (options.oneofs)
                        object.body = "log";
                }
                if (message.fault != null && Object.hasOwnProperty.call(message, "fault")) {
                    object.fault = $root.snakepit.v1.Fault.toObject(message.fault, options, q + 1);
                    if (options.oneofs)
                        object.body = "fault";
                }
                return object;
            };

            /**
             * Converts this ControlFrame to JSON.
             * @function toJSON
             * @memberof snakepit.v1.ControlFrame
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ControlFrame.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for ControlFrame
             * @function getTypeUrl
             * @memberof snakepit.v1.ControlFrame
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ControlFrame.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/snakepit.v1.ControlFrame";
            };

            return ControlFrame;
        })();

        v1.Ready = (function() {

            /**
             * Properties of a Ready.
             * @memberof snakepit.v1
             * @interface IReady
             * @property {number|null} [pid] Ready pid
             * @property {string|null} [grpcAddress] Ready grpcAddress
             * @property {number|null} [protocolVersion] Ready protocolVersion
             * @property {string|null} [workerVersion] Ready workerVersion
             * @property {string|null} [pythonVersion] Ready pythonVersion
             * @property {string|null} [grpcVersion] Ready grpcVersion
             * @property {string|null} [protobufVersion] Ready protobufVersion
             * @property {Array.<string>|null} [commands] Ready commands
             * @property {number|null} [maxConcurrency] Ready maxConcurrency
             * @property {string|null} [dataAddress] Ready dataAddress
             */

            /**
             * Constructs a new Ready.
             * @memberof snakepit.v1
             * @classdesc Represents a Ready.
             * @implements IReady
             * @constructor
             * @param {snakepit.v1.IReady=} [properties] Properties to set
             */
            function Ready(properties) {
                this.commands = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Ready pid.
             * @member {number} pid
             * @memberof snakepit.v1.Ready
             * @instance
             */
            Ready.prototype.pid = 0;

            /**
             * Ready grpcAddress.
             * @member {string} grpcAddress
             * @memberof snakepit.v1.Ready
             * @instance
             */
            Ready.prototype.grpcAddress = "";

            /**
             * Ready protocolVersion.
             * @member {number} protocolVersion
             * @memberof snakepit.v1.Ready
             * @instance
             */
            Ready.prototype.protocolVersion = 0;

            /**
             * Ready workerVersion.
             * @member {string} workerVersion
             * @memberof snakepit.v1.Ready
             * @instance
             */
            Ready.prototype.workerVersion = "";

            /**
             * Ready pythonVersion.
             * @member {string} pythonVersion
             * @memberof snakepit.v1.Ready
             * @instance
             */
            Ready.prototype.pythonVersion = "";

            /**
             * Ready grpcVersion.
             * @member {string} grpcVersion
             * @memberof snakepit.v1.Ready
             * @instance
             */
            Ready.prototype.grpcVersion = "";

            /**
             * Ready protobufVersion.
             * @member {string} protobufVersion
             * @memberof snakepit.v1.Ready
             * @instance
             */
            Ready.prototype.protobufVersion = "";

            /**
             * Ready commands.
             * @member {Array.<string>} commands
             * @memberof snakepit.v1.Ready
             * @instance
             */
            Ready.prototype.commands = $util.emptyArray;

            /**
             * Ready maxConcurrency.
             * @member {number} maxConcurrency
             * @memberof snakepit.v1.Ready
             * @instance
             */
            Ready.prototype.maxConcurrency = 0;

            /**
             * Ready dataAddress.
             * @member {string} dataAddress
             * @memberof snakepit.v1.Ready
             * @instance
             */
            Ready.prototype.dataAddress = "";

            /**
             * Creates a new Ready instance using the specified properties.
             * @function create
             * @memberof snakepit.v1.Ready
             * @static
             * @param {snakepit.v1.IReady=} [properties] Properties to set
             * @returns {snakepit.v1.Ready} Ready instance
             */
            Ready.create = function create(properties) {
                return new Ready(properties);
            };

            /**
             * Encodes the specified Ready message. Does not implicitly {@link snakepit.v1.Ready.verify|verify} messages.
             * @function encode
             * @memberof snakepit.v1.Ready
             * @static
             * @param {snakepit.v1.IReady} message Ready message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ready.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.pid != null && Object.hasOwnProperty.call(message, "pid"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.pid);
                if (message.grpcAddress != null && Object.hasOwnProperty.call(message, "grpcAddress"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.grpcAddress);
                if (message.protocolVersion != null && Object.hasOwnProperty.call(message, "protocolVersion"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.protocolVersion);
                if (message.workerVersion != null && Object.hasOwnProperty.call(message, "workerVersion"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.workerVersion);
                if (message.pythonVersion != null && Object.hasOwnProperty.call(message, "pythonVersion"))
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.pythonVersion);
                if (message.grpcVersion != null && Object.hasOwnProperty.call(message, "grpcVersion"))
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.grpcVersion);
                if (message.protobufVersion != null && Object.hasOwnProperty.call(message, "protobufVersion"))
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.protobufVersion);
                if (message.commands != null && message.commands.length)
                    for (let i = 0; i < message.commands.length; ++i)
                        writer.uint32(/* id 8, wireType 2 =*/66).string(message.commands[i]);
                if (message.maxConcurrency != null && Object.hasOwnProperty.call(message, "maxConcurrency"))
                    writer.uint32(/* id 9, wireType 0 =*/72).uint32(message.maxConcurrency);
                if (message.dataAddress != null && Object.hasOwnProperty.call(message, "dataAddress"))
                    writer.uint32(/* id 10, wireType 2 =*/82).string(message.dataAddress);
                return writer;
            };

            /**
             * Encodes the specified Ready message, length delimited. Does not implicitly {@link snakepit.v1.Ready.verify|verify} messages.
             * @function encodeDelimited
             * @memberof snakepit.v1.Ready
             * @static
             * @param {snakepit.v1.IReady} message Ready message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ready.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a Ready message from the specified reader or buffer.
             * @function decode
             * @memberof snakepit.v1.Ready
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {snakepit.v1.Ready} Ready
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ready.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.snakepit.v1.Ready();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.pid = reader.uint32();
                            break;
                        }
                    case 2: {
                            message.grpcAddress = reader.string();
                            break;
                        }
                    case 3: {
                            message.protocolVersion = reader.uint32();
                            break;
                        }
                    case 4: {
                            message.workerVersion = reader.string();
                            break;
                        }
                    case 5: {
                            message.pythonVersion = reader.string();
                            break;
                        }
                    case 6: {
                            message.grpcVersion = reader.string();
                            break;
                        }
                    case 7: {
                            message.protobufVersion = reader.string();
                            break;
                        }
                    case 8: {
                            if (!(message.commands && message.commands.length))
                                message.commands = [];
                            message.commands.push(reader.string());
                            break;
                        }
                    case 9: {
                            message.maxConcurrency = reader.uint32();
                            break;
                        }
                    case 10: {
                            message.dataAddress = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes a Ready message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof snakepit.v1.Ready
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {snakepit.v1.Ready} Ready
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ready.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Creates a Ready message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof snakepit.v1.Ready
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {snakepit.v1.Ready} Ready
             */
            Ready.fromObject = function fromObject(object, long) {
                if (object instanceof $root.snakepit.v1.Ready)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".snakepit.v1.Ready: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.snakepit.v1.Ready();
                if (object.pid != null)
                    message.pid = object.pid >>> 0;
                if (object.grpcAddress != null)
                    message.grpcAddress = String(object.grpcAddress);
                if (object.protocolVersion != null)
                    message.protocolVersion = object.protocolVersion >>> 0;
                if (object.workerVersion != null)
                    message.workerVersion = String(object.workerVersion);
                if (object.pythonVersion != null)
                    message.pythonVersion = String(object.pythonVersion);
                if (object.grpcVersion != null)
                    message.grpcVersion = String(object.grpcVersion);
                if (object.protobufVersion != null)
                    message.protobufVersion = String(object.protobufVersion);
                if (object.commands) {
                    if (!Array.isArray(object.commands))
                        throw TypeError(".snakepit.v1.Ready.commands: array expected");
                    message.commands = [];
                    for (let i = 0; i < object.commands.length; ++i)
                        message.commands[i] = String(object.commands[i]);
                }
                if (object.maxConcurrency != null)
                    message.maxConcurrency = object.maxConcurrency >>> 0;
                if (object.dataAddress != null)
                    message.dataAddress = String(object.dataAddress);
                return message;
            };

            /**
             * Creates a plain object from a Ready message. Also converts values to other types if specified.
             * @function toObject
             * @memberof snakepit.v1.Ready
             * @static
             * @param {snakepit.v1.Ready} message Ready
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Ready.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.commands = [];
                if (options.defaults) {
                    object.pid = 0;
                    object.grpcAddress = "";
                    object.protocolVersion = 0;
                    object.workerVersion = "";
                    object.pythonVersion = "";
                    object.grpcVersion = "";
                    object.protobufVersion = "";
                    object.maxConcurrency = 0;
                    object.dataAddress = "";
                }
                if (message.pid != null && Object.hasOwnProperty.call(message, "pid"))
                    object.pid = message.pid;
                if (message.grpcAddress != null && Object.hasOwnProperty.call(message, "grpcAddress"))
                    object.grpcAddress = message.grpcAddress;
                if (message.protocolVersion != null && Object.hasOwnProperty.call(message, "protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                if (message.workerVersion != null && Object.hasOwnProperty.call(message, "workerVersion"))
                    object.workerVersion = message.workerVersion;
                if (message.pythonVersion != null && Object.hasOwnProperty.call(message, "pythonVersion"))
                    object.pythonVersion = message.pythonVersion;
                if (message.grpcVersion != null && Object.hasOwnProperty.call(message, "grpcVersion"))
                    object.grpcVersion = message.grpcVersion;
                if (message.protobufVersion != null && Object.hasOwnProperty.call(message, "protobufVersion"))
                    object.protobufVersion = message.protobufVersion;
                if (message.commands && message.commands.length) {
                    object.commands = [];
                    for (let j = 0; j < message.commands.length; ++j)
                        object.commands[j] = message.commands[j];
                }
                if (message.maxConcurrency != null && Object.hasOwnProperty.call(message, "maxConcurrency"))
                    object.maxConcurrency = message.maxConcurrency;
                if (message.dataAddress != null && Object.hasOwnProperty.call(message, "dataAddress"))
                    object.dataAddress = message.dataAddress;
                return object;
            };

            /**
             * Converts this Ready to JSON.
             * @function toJSON
             * @memberof snakepit.v1.Ready
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Ready.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for Ready
             * @function getTypeUrl
             * @memberof snakepit.v1.Ready
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Ready.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/snakepit.v1.Ready";
            };

            return Ready;
        })();

        v1.Ping = (function() {

            /**
             * Properties of a Ping.
             * @memberof snakepit.v1
             * @interface IPing
             * @property {number|null} [seq] Ping seq
             * @property {number|null} [sentUnixMs] Ping sentUnixMs
             */

            /**
             * Constructs a new Ping.
             * @memberof snakepit.v1
             * @classdesc Represents a Ping.
             * @implements IPing
             * @constructor
             * @param {snakepit.v1.IPing=} [properties] Properties to set
             */
            function Ping(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Ping seq.
             * @member {number} seq
             * @memberof snakepit.v1.Ping
             * @instance
             */
            Ping.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Ping sentUnixMs.
             * @member {number} sentUnixMs
             * @memberof snakepit.v1.Ping
             * @instance
             */
            Ping.prototype.sentUnixMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new Ping instance using the specified properties.
             * @function create
             * @memberof snakepit.v1.Ping
             * @static
             * @param {snakepit.v1.IPing=} [properties] Properties to set
             * @returns {snakepit.v1.Ping} Ping instance
             */
            Ping.create = function create(properties) {
                return new Ping(properties);
            };

            /**
             * Encodes the specified Ping message. Does not implicitly {@link snakepit.v1.Ping.verify|verify} messages.
             * @function encode
             * @memberof snakepit.v1.Ping
             * @static
             * @param {snakepit.v1.IPing} message Ping message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ping.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.seq != null && Object.hasOwnProperty.call(message, "seq"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.seq);
                if (message.sentUnixMs != null && Object.hasOwnProperty.call(message, "sentUnixMs"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.sentUnixMs);
                return writer;
            };

            /**
             * Encodes the specified Ping message, length delimited. Does not implicitly {@link snakepit.v1.Ping.verify|verify} messages.
             * @function encodeDelimited
             * @memberof snakepit.v1.Ping
             * @static
             * @param {snakepit.v1.IPing} message Ping message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ping.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a Ping message from the specified reader or buffer.
             * @function decode
             * @memberof snakepit.v1.Ping
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {snakepit.v1.Ping} Ping
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ping.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.snakepit.v1.Ping();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.seq = $toNumber(reader.uint64());
                            break;
                        }
                    case 2: {
                            message.sentUnixMs = $toNumber(reader.uint64());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes a Ping message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof snakepit.v1.Ping
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {snakepit.v1.Ping} Ping
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ping.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Creates a Ping message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof snakepit.v1.Ping
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {snakepit.v1.Ping} Ping
             */
            Ping.fromObject = function fromObject(object, long) {
                if (object instanceof $root.snakepit.v1.Ping)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".snakepit.v1.Ping: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.snakepit.v1.Ping();
                if (object.seq != null)
                    if ($util.Long)
                        message.seq = $util.Long.fromValue(object.seq, true);
                    else if (typeof object.seq === "string")
                        message.seq = parseInt(object.seq, 10);
                    else if (typeof object.seq === "number")
                        message.seq = object.seq;
                    else if (typeof object.seq === "object")
                        message.seq = new $util.LongBits(object.seq.low >>> 0, object.seq.high >>> 0).toNumber(true);
                if (object.sentUnixMs != null)
                    if ($util.Long)
                        message.sentUnixMs = $util.Long.fromValue(object.sentUnixMs, true);
                    else if (typeof object.sentUnixMs === "string")
                        message.sentUnixMs = parseInt(object.sentUnixMs, 10);
                    else if (typeof object.sentUnixMs === "number")
                        message.sentUnixMs = object.sentUnixMs;
                    else if (typeof object.sentUnixMs === "object")
                        message.sentUnixMs = new $util.LongBits(object.sentUnixMs.low >>> 0, object.sentUnixMs.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a Ping message. Also converts values to other types if specified.
             * @function toObject
             * @memberof snakepit.v1.Ping
             * @static
             * @param {snakepit.v1.Ping} message Ping
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Ping.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.seq = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.seq = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.sentUnixMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.sentUnixMs = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                }
                if (message.seq != null && Object.hasOwnProperty.call(message, "seq"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.seq = typeof message.seq === "number" ? BigInt(message.seq) : $util.Long.fromBits(message.seq.low >>> 0, message.seq.high >>> 0, true).toBigInt();
                    else if (typeof message.seq === "number")
                        object.seq = options.longs === String ? String(message.seq) : message.seq;
                    else
                        object.seq = options.longs === String ? $util.Long.prototype.toString.call(message.seq) : options.longs === Number ? new $util.LongBits(message.seq.low >>> 0, message.seq.high >>> 0).toNumber(true) : message.seq;
                if (message.sentUnixMs != null && Object.hasOwnProperty.call(message, "sentUnixMs"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.sentUnixMs = typeof message.sentUnixMs === "number" ? BigInt(message.sentUnixMs) : $util.Long.fromBits(message.sentUnixMs.low >>> 0, message.sentUnixMs.high >>> 0, true).toBigInt();
                    else if (typeof message.sentUnixMs === "number")
                        object.sentUnixMs = options.longs === String ? String(message.sentUnixMs) : message.sentUnixMs;
                    else
                        object.sentUnixMs = options.longs === String ? $util.Long.prototype.toString.call(message.sentUnixMs) : options.longs === Number ? new $util.LongBits(message.sentUnixMs.low >>> 0, message.sentUnixMs.high >>> 0).toNumber(true) : message.sentUnixMs;
                return object;
            };

            /**
             * Converts this Ping to JSON.
             * @function toJSON
             * @memberof snakepit.v1.Ping
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Ping.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for Ping
             * @function getTypeUrl
             * @memberof snakepit.v1.Ping
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Ping.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/snakepit.v1.Ping";
            };

            return Ping;
        })();

        v1.WorkerStats = (function() {

            /**
             * Properties of a WorkerStats.
             * @memberof snakepit.v1
             * @interface IWorkerStats
             * @property {number|null} [rssBytes] WorkerStats rssBytes
             * @property {number|null} [cpuTimeUs] WorkerStats cpuTimeUs
             * @property {number|null} [inFlight] WorkerStats inFlight
             * @property {number|null} [completed] WorkerStats completed
             */

            /**
             * Constructs a new WorkerStats.
             * @memberof snakepit.v1
             * @classdesc Represents a WorkerStats.
             * @implements IWorkerStats
             * @constructor
             * @param {snakepit.v1.IWorkerStats=} [properties] Properties to set
             */
            function WorkerStats(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * WorkerStats rssBytes.
             * @member {number} rssBytes
             * @memberof snakepit.v1.WorkerStats
             * @instance
             */
            WorkerStats.prototype.rssBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * WorkerStats cpuTimeUs.
             * @member {number} cpuTimeUs
             * @memberof snakepit.v1.WorkerStats
             * @instance
             */
            WorkerStats.prototype.cpuTimeUs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * WorkerStats inFlight.
             * @member {number} inFlight
             * @memberof snakepit.v1.WorkerStats
             * @instance
             */
            WorkerStats.prototype.inFlight = 0;

            /**
             * WorkerStats completed.
             * @member {number} completed
             * @memberof snakepit.v1.WorkerStats
             * @instance
             */
            WorkerStats.prototype.completed = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new WorkerStats instance using the specified properties.
             * @function create
             * @memberof snakepit.v1.WorkerStats
             * @static
             * @param {snakepit.v1.IWorkerStats=} [properties] Properties to set
             * @returns {snakepit.v1.WorkerStats} WorkerStats instance
             */
            WorkerStats.create = function create(properties) {
                return new WorkerStats(properties);
            };

            /**
             * Encodes the specified WorkerStats message. Does not implicitly {@link snakepit.v1.WorkerStats.verify|verify} messages.
             * @function encode
             * @memberof snakepit.v1.WorkerStats
             * @static
             * @param {snakepit.v1.IWorkerStats} message WorkerStats message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            WorkerStats.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.rssBytes != null && Object.hasOwnProperty.call(message, "rssBytes"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.rssBytes);
                if (message.cpuTimeUs != null && Object.hasOwnProperty.call(message, "cpuTimeUs"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.cpuTimeUs);
                if (message.inFlight != null && Object.hasOwnProperty.call(message, "inFlight"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.inFlight);
                if (message.completed != null && Object.hasOwnProperty.call(message, "completed"))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.completed);
                return writer;
            };

            /**
             * Encodes the specified WorkerStats message, length delimited. Does not implicitly {@link snakepit.v1.WorkerStats.verify|verify} messages.
             * @function encodeDelimited
             * @memberof snakepit.v1.WorkerStats
             * @static
             * @param {snakepit.v1.IWorkerStats} message WorkerStats message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            WorkerStats.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a WorkerStats message from the specified reader or buffer.
             * @function decode
             * @memberof snakepit.v1.WorkerStats
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {snakepit.v1.WorkerStats} WorkerStats
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            WorkerStats.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.snakepit.v1.WorkerStats();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.rssBytes = $toNumber(reader.uint64());
                            break;
                        }
                    case 2: {
                            message.cpuTimeUs = $toNumber(reader.uint64());
                            break;
                        }
                    case 3: {
                            message.inFlight = reader.uint32();
                            break;
                        }
                    case 4: {
                            message.completed = $toNumber(reader.uint64());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes a WorkerStats message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof snakepit.v1.WorkerStats
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {snakepit.v1.WorkerStats} WorkerStats
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            WorkerStats.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Creates a WorkerStats message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof snakepit.v1.WorkerStats
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {snakepit.v1.WorkerStats} WorkerStats
             */
            WorkerStats.fromObject = function fromObject(object, long) {
                if (object instanceof $root.snakepit.v1.WorkerStats)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".snakepit.v1.WorkerStats: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.snakepit.v1.WorkerStats();
                if (object.rssBytes != null)
                    if ($util.Long)
                        message.rssBytes = $util.Long.fromValue(object.rssBytes, true);
                    else if (typeof object.rssBytes === "string")
                        message.rssBytes = parseInt(object.rssBytes, 10);
                    else if (typeof object.rssBytes === "number")
                        message.rssBytes = object.rssBytes;
                    else if (typeof object.rssBytes === "object")
                        message.rssBytes = new $util.LongBits(object.rssBytes.low >>> 0, object.rssBytes.high >>> 0).toNumber(true);
                if (object.cpuTimeUs != null)
                    if ($util.Long)
                        message.cpuTimeUs = $util.Long.fromValue(object.cpuTimeUs, true);
                    else if (typeof object.cpuTimeUs === "string")
                        message.cpuTimeUs = parseInt(object.cpuTimeUs, 10);
                    else if (typeof object.cpuTimeUs === "number")
                        message.cpuTimeUs = object.cpuTimeUs;
                    else if (typeof object.cpuTimeUs === "object")
                        message.cpuTimeUs = new $util.LongBits(object.cpuTimeUs.low >>> 0, object.cpuTimeUs.high >>> 0).toNumber(true);
                if (object.inFlight != null)
                    message.inFlight = object.inFlight >>> 0;
                if (object.completed != null)
                    if ($util.Long)
                        message.completed = $util.Long.fromValue(object.completed, true);
                    else if (typeof object.completed === "string")
                        message.completed = parseInt(object.completed, 10);
                    else if (typeof object.completed === "number")
                        message.completed = object.completed;
                    else if (typeof object.completed === "object")
                        message.completed = new $util.LongBits(object.completed.low >>> 0, object.completed.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a WorkerStats message. Also converts values to other types if specified.
             * @function toObject
             * @memberof snakepit.v1.WorkerStats
             * @static
             * @param {snakepit.v1.WorkerStats} message WorkerStats
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            WorkerStats.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.rssBytes = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.rssBytes = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.cpuTimeUs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.cpuTimeUs = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    object.inFlight = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.completed = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.completed = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                }
                if (message.rssBytes != null && Object.hasOwnProperty.call(message, "rssBytes"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.rssBytes = typeof message.rssBytes === "number" ? BigInt(message.rssBytes) : $util.Long.fromBits(message.rssBytes.low >>> 0, message.rssBytes.high >>> 0, true).toBigInt();
                    else if (typeof message.rssBytes === "number")
                        object.rssBytes = options.longs === String ? String(message.rssBytes) : message.rssBytes;
                    else
                        object.rssBytes = options.longs === String ? $util.Long.prototype.toString.call(message.rssBytes) : options.longs === Number ? new $util.LongBits(message.rssBytes.low >>> 0, message.rssBytes.high >>> 0).toNumber(true) : message.rssBytes;
                if (message.cpuTimeUs != null && Object.hasOwnProperty.call(message, "cpuTimeUs"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.cpuTimeUs = typeof message.cpuTimeUs === "number" ? BigInt(message.cpuTimeUs) : $util.Long.fromBits(message.cpuTimeUs.low >>> 0, message.cpuTimeUs.high >>> 0, true).toBigInt();
                    else if (typeof message.cpuTimeUs === "number")
                        object.cpuTimeUs = options.longs === String ? String(message.cpuTimeUs) : message.cpuTimeUs;
                    else
                        object.cpuTimeUs = options.longs === String ? $util.Long.prototype.toString.call(message.cpuTimeUs) : options.longs === Number ? new $util.LongBits(message.cpuTimeUs.low >>> 0, message.cpuTimeUs.high >>> 0).toNumber(true) : message.cpuTimeUs;
                if (message.inFlight != null && Object.hasOwnProperty.call(message, "inFlight"))
                    object.inFlight = message.inFlight;
                if (message.completed != null && Object.hasOwnProperty.call(message, "completed"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.completed = typeof message.completed === "number" ? BigInt(message.completed) : $util.Long.fromBits(message.completed.low >>> 0, message.completed.high >>> 0, true).toBigInt();
                    else if (typeof message.completed === "number")
                        object.completed = options.longs === String ? String(message.completed) : message.completed;
                    else
                        object.completed = options.longs === String ? $util.Long.prototype.toString.call(message.completed) : options.longs === Number ? new $util.LongBits(message.completed.low >>> 0, message.completed.high >>> 0).toNumber(true) : message.completed;
                return object;
            };

            /**
             * Converts this WorkerStats to JSON.
             * @function toJSON
             * @memberof snakepit.v1.WorkerStats
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            WorkerStats.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for WorkerStats
             * @function getTypeUrl
             * @memberof snakepit.v1.WorkerStats
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            WorkerStats.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/snakepit.v1.WorkerStats";
            };

            return WorkerStats;
        })();

        v1.Pong = (function() {

            /**
             * Properties of a Pong.
             * @memberof snakepit.v1
             * @interface IPong
             * @property {number|null} [seq] Pong seq
             * @property {snakepit.v1.IWorkerStats|null} [stats] Pong stats
             */

            /**
             * Constructs a new Pong.
             * @memberof snakepit.v1
             * @classdesc Represents a Pong.
             * @implements IPong
             * @constructor
             * @param {snakepit.v1.IPong=} [properties] Properties to set
             */
            function Pong(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Pong seq.
             * @member {number} seq
             * @memberof snakepit.v1.Pong
             * @instance
             */
            Pong.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Pong stats.
             * @member {snakepit.v1.IWorkerStats|null|undefined} stats
             * @memberof snakepit.v1.Pong
             * @instance
             */
            Pong.prototype.stats = null;

            /**
             * Creates a new Pong instance using the specified properties.
             * @function create
             * @memberof snakepit.v1.Pong
             * @static
             * @param {snakepit.v1.IPong=} [properties] Properties to set
             * @returns {snakepit.v1.Pong} Pong instance
             */
            Pong.create = function create(properties) {
                return new Pong(properties);
            };

            /**
             * Encodes the specified Pong message. Does not implicitly {@link snakepit.v1.Pong.verify|verify} messages.
             * @function encode
             * @memberof snakepit.v1.Pong
             * @static
             * @param {snakepit.v1.IPong} message Pong message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Pong.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.seq != null && Object.hasOwnProperty.call(message, "seq"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.seq);
                if (message.stats != null && Object.hasOwnProperty.call(message, "stats"))
                    $root.snakepit.v1.WorkerStats.encode(message.stats, writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Encodes the specified Pong message, length delimited. Does not implicitly {@link snakepit.v1.Pong.verify|verify} messages.
             * @function encodeDelimited
             * @memberof snakepit.v1.Pong
             * @static
             * @param {snakepit.v1.IPong} message Pong message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Pong.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a Pong message from the specified reader or buffer.
             * @function decode
             * @memberof snakepit.v1.Pong
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {snakepit.v1.Pong} Pong
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Pong.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.snakepit.v1.Pong();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.seq = $toNumber(reader.uint64());
                            break;
                        }
                    case 2: {
                            message.stats = $root.snakepit.v1.WorkerStats.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes a Pong message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof snakepit.v1.Pong
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {snakepit.v1.Pong} Pong
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Pong.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Creates a Pong message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof snakepit.v1.Pong
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {snakepit.v1.Pong} Pong
             */
            Pong.fromObject = function fromObject(object, long) {
                if (object instanceof $root.snakepit.v1.Pong)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".snakepit.v1.Pong: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.snakepit.v1.Pong();
                if (object.seq != null)
                    if ($util.Long)
                        message.seq = $util.Long.fromValue(object.seq, true);
                    else if (typeof object.seq === "string")
                        message.seq = parseInt(object.seq, 10);
                    else if (typeof object.seq === "number")
                        message.seq = object.seq;
                    else if (typeof object.seq === "object")
                        message.seq = new $util.LongBits(object.seq.low >>> 0, object.seq.high >>> 0).toNumber(true);
                if (object.stats != null) {
                    if (!$util.isObject(object.stats))
                        throw TypeError(".snakepit.v1.Pong.stats: object expected");
                    message.stats = $root.snakepit.v1.WorkerStats.fromObject(object.stats, long + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a Pong message. Also converts values to other types if specified.
             * @function toObject
             * @memberof snakepit.v1.Pong
             * @static
             * @param {snakepit.v1.Pong} message Pong
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Pong.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.seq = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.seq = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    object.stats = null;
                }
                if (message.seq != null && Object.hasOwnProperty.call(message, "seq"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.seq = typeof message.seq === "number" ? BigInt(message.seq) : $util.Long.fromBits(message.seq.low >>> 0, message.seq.high >>> 0, true).toBigInt();
                    else if (typeof message.seq === "number")
                        object.seq = options.longs === String ? String(message.seq) : message.seq;
                    else
                        object.seq = options.longs === String ? $util.Long.prototype.toString.call(message.seq) : options.longs === Number ? new $util.LongBits(message.seq.low >>> 0, message.seq.high >>> 0).toNumber(true) : message.seq;
                if (message.stats != null && Object.hasOwnProperty.call(message, "stats"))
                    object.stats = $root.snakepit.v1.WorkerStats.toObject(message.stats, options, q + 1);
                return object;
            };

            /**
             * Converts this Pong to JSON.
             * @function toJSON
             * @memberof snakepit.v1.Pong
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Pong.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for Pong
             * @function getTypeUrl
             * @memberof snakepit.v1.Pong
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Pong.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/snakepit.v1.Pong";
            };

            return Pong;
        })();

        v1.Busy = (function() {

            /**
             * Properties of a Busy.
             * @memberof snakepit.v1
             * @interface IBusy
             * @property {number|null} [untilUnixMs] Busy untilUnixMs
             * @property {string|null} [reason] Busy reason
             * @property {number|null} [durationMs] Busy durationMs
             */

            /**
             * Constructs a new Busy.
             * @memberof snakepit.v1
             * @classdesc Represents a Busy.
             * @implements IBusy
             * @constructor
             * @param {snakepit.v1.IBusy=} [properties] Properties to set
             */
            function Busy(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Busy untilUnixMs.
             * @member {number} untilUnixMs
             * @memberof snakepit.v1.Busy
             * @instance
             */
            Busy.prototype.untilUnixMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Busy reason.
             * @member {string} reason
             * @memberof snakepit.v1.Busy
             * @instance
             */
            Busy.prototype.reason = "";

            /**
             * Busy durationMs.
             * @member {number} durationMs
             * @memberof snakepit.v1.Busy
             * @instance
             */
            Busy.prototype.durationMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new Busy instance using the specified properties.
             * @function create
             * @memberof snakepit.v1.Busy
             * @static
             * @param {snakepit.v1.IBusy=} [properties] Properties to set
             * @returns {snakepit.v1.Busy} Busy instance
             */
            Busy.create = function create(properties) {
                return new Busy(properties);
            };

            /**
             * Encodes the specified Busy message. Does not implicitly {@link snakepit.v1.Busy.verify|verify} messages.
             * @function encode
             * @memberof snakepit.v1.Busy
             * @static
             * @param {snakepit.v1.IBusy} message Busy message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Busy.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.untilUnixMs != null && Object.hasOwnProperty.call(message, "untilUnixMs"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.untilUnixMs);
                if (message.reason != null && Object.hasOwnProperty.call(message, "reason"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.reason);
                if (message.durationMs != null && Object.hasOwnProperty.call(message, "durationMs"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.durationMs);
                return writer;
            };

            /**
             * Encodes the specified Busy message, length delimited. Does not implicitly {@link snakepit.v1.Busy.verify|verify} messages.
             * @function encodeDelimited
             * @memberof snakepit.v1.Busy
             * @static
             * @param {snakepit.v1.IBusy} message Busy message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Busy.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a Busy message from the specified reader or buffer.
             * @function decode
             * @memberof snakepit.v1.Busy
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {snakepit.v1.Busy} Busy
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Busy.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.snakepit.v1.Busy();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.untilUnixMs = $toNumber(reader.uint64());
                            break;
                        }
                    case 2: {
                            message.reason = reader.string();
                            break;
                        }
                    case 3: {
                            message.durationMs = $toNumber(reader.uint64());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes a Busy message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof snakepit.v1.Busy
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {snakepit.v1.Busy} Busy
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Busy.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Creates a Busy message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof snakepit.v1.Busy
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {snakepit.v1.Busy} Busy
             */
            Busy.fromObject = function fromObject(object, long) {
                if (object instanceof $root.snakepit.v1.Busy)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".snakepit.v1.Busy: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.snakepit.v1.Busy();
                if (object.untilUnixMs != null)
                    if ($util.Long)
                        message.untilUnixMs = $util.Long.fromValue(object.untilUnixMs, true);
                    else if (typeof object.untilUnixMs === "string")
                        message.untilUnixMs = parseInt(object.untilUnixMs, 10);
                    else if (typeof object.untilUnixMs === "number")
                        message.untilUnixMs = object.untilUnixMs;
                    else if (typeof object.untilUnixMs === "object")
                        message.untilUnixMs = new $util.LongBits(object.untilUnixMs.low >>> 0, object.untilUnixMs.high >>> 0).toNumber(true);
                if (object.reason != null)
                    message.reason = String(object.reason);
                if (object.durationMs != null)
                    if ($util.Long)
                        message.durationMs = $util.Long.fromValue(object.durationMs, true);
                    else if (typeof object.durationMs === "string")
                        message.durationMs = parseInt(object.durationMs, 10);
                    else if (typeof object.durationMs === "number")
                        message.durationMs = object.durationMs;
                    else if (typeof object.durationMs === "object")
                        message.durationMs = new $util.LongBits(object.durationMs.low >>> 0, object.durationMs.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a Busy message. Also converts values to other types if specified.
             * @function toObject
             * @memberof snakepit.v1.Busy
             * @static
             * @param {snakepit.v1.Busy} message Busy
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Busy.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.untilUnixMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.untilUnixMs = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    object.reason = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.durationMs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.durationMs = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                }
                if (message.untilUnixMs != null && Object.hasOwnProperty.call(message, "untilUnixMs"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.untilUnixMs = typeof message.untilUnixMs === "number" ? BigInt(message.untilUnixMs) : $util.Long.fromBits(message.untilUnixMs.low >>> 0, message.untilUnixMs.high >>> 0, true).toBigInt();
                    else if (typeof message.untilUnixMs === "number")
                        object.untilUnixMs = options.longs === String ? String(message.untilUnixMs) : message.untilUnixMs;
                    else
                        object.untilUnixMs = options.longs === String ? $util.Long.prototype.toString.call(message.untilUnixMs) : options.longs === Number ? new $util.LongBits(message.untilUnixMs.low >>> 0, message.untilUnixMs.high >>> 0).toNumber(true) : message.untilUnixMs;
                if (message.reason != null && Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                if (message.durationMs != null && Object.hasOwnProperty.call(message, "durationMs"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.durationMs = typeof message.durationMs === "number" ? BigInt(message.durationMs) : $util.Long.fromBits(message.durationMs.low >>> 0, message.durationMs.high >>> 0, true).toBigInt();
                    else if (typeof message.durationMs === "number")
                        object.durationMs = options.longs === String ? String(message.durationMs) : message.durationMs;
                    else
                        object.durationMs = options.longs === String ? $util.Long.prototype.toString.call(message.durationMs) : options.longs === Number ? new $util.LongBits(message.durationMs.low >>> 0, message.durationMs.high >>> 0).toNumber(true) : message.durationMs;
                return object;
            };

            /**
             * Converts this Busy to JSON.
             * @function toJSON
             * @memberof snakepit.v1.Busy
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Busy.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for Busy
             * @function getTypeUrl
             * @memberof snakepit.v1.Busy
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Busy.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/snakepit.v1.Busy";
            };

            return Busy;
        })();

        v1.Shutdown = (function() {

            /**
             * Properties of a Shutdown.
             * @memberof snakepit.v1
             * @interface IShutdown
             * @property {number|null} [deadlineMs] Shutdown deadlineMs
             */

            /**
             * Constructs a new Shutdown.
             * @memberof snakepit.v1
             * @classdesc Represents a Shutdown.
             * @implements IShutdown
             * @constructor
             * @param {snakepit.v1.IShutdown=} [properties] Properties to set
             */
            function Shutdown(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Shutdown deadlineMs.
             * @member {number} deadlineMs
             * @memberof snakepit.v1.Shutdown
             * @instance
             */
            Shutdown.prototype.deadlineMs = 0;

            /**
             * Creates a new Shutdown instance using the specified properties.
             * @function create
             * @memberof snakepit.v1.Shutdown
             * @static
             * @param {snakepit.v1.IShutdown=} [properties] Properties to set
             * @returns {snakepit.v1.Shutdown} Shutdown instance
             */
            Shutdown.create = function create(properties) {
                return new Shutdown(properties);
            };

            /**
             * Encodes the specified Shutdown message. Does not implicitly {@link snakepit.v1.Shutdown.verify|verify} messages.
             * @function encode
             * @memberof snakepit.v1.Shutdown
             * @static
             * @param {snakepit.v1.IShutdown} message Shutdown message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Shutdown.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.deadlineMs != null && Object.hasOwnProperty.call(message, "deadlineMs"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.deadlineMs);
                return writer;
            };

            /**
             * Encodes the specified Shutdown message, length delimited. Does not implicitly {@link snakepit.v1.Shutdown.verify|verify} messages.
             * @function encodeDelimited
             * @memberof snakepit.v1.Shutdown
             * @static
             * @param {snakepit.v1.IShutdown} message Shutdown message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Shutdown.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a Shutdown message from the specified reader or buffer.
             * @function decode
             * @memberof snakepit.v1.Shutdown
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {snakepit.v1.Shutdown} Shutdown
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Shutdown.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.snakepit.v1.Shutdown();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.deadlineMs = reader.uint32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes a Shutdown message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof snakepit.v1.Shutdown
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {snakepit.v1.Shutdown} Shutdown
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Shutdown.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Creates a Shutdown message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof snakepit.v1.Shutdown
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {snakepit.v1.Shutdown} Shutdown
             */
            Shutdown.fromObject = function fromObject(object, long) {
                if (object instanceof $root.snakepit.v1.Shutdown)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".snakepit.v1.Shutdown: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.snakepit.v1.Shutdown();
                if (object.deadlineMs != null)
                    message.deadlineMs = object.deadlineMs >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a Shutdown message. Also converts values to other types if specified.
             * @function toObject
             * @memberof snakepit.v1.Shutdown
             * @static
             * @param {snakepit.v1.Shutdown} message Shutdown
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Shutdown.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.deadlineMs = 0;
                if (message.deadlineMs != null && Object.hasOwnProperty.call(message, "deadlineMs"))
                    object.deadlineMs = message.deadlineMs;
                return object;
            };

            /**
             * Converts this Shutdown to JSON.
             * @function toJSON
             * @memberof snakepit.v1.Shutdown
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Shutdown.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for Shutdown
             * @function getTypeUrl
             * @memberof snakepit.v1.Shutdown
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Shutdown.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/snakepit.v1.Shutdown";
            };

            return Shutdown;
        })();

        v1.Log = (function() {

            /**
             * Properties of a Log.
             * @memberof snakepit.v1
             * @interface ILog
             * @property {snakepit.v1.Log.Level|null} [level] Log level
             * @property {string|null} [message] Log message
             * @property {string|null} [logger] Log logger
             * @property {string|null} [traceparent] Log traceparent
             */

            /**
             * Constructs a new Log.
             * @memberof snakepit.v1
             * @classdesc Represents a Log.
             * @implements ILog
             * @constructor
             * @param {snakepit.v1.ILog=} [properties] Properties to set
             */
            function Log(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Log level.
             * @member {snakepit.v1.Log.Level} level
             * @memberof snakepit.v1.Log
             * @instance
             */
            Log.prototype.level = 0;

            /**
             * Log message.
             * @member {string} message
             * @memberof snakepit.v1.Log
             * @instance
             */
            Log.prototype.message = "";

            /**
             * Log logger.
             * @member {string} logger
             * @memberof snakepit.v1.Log
             * @instance
             */
            Log.prototype.logger = "";

            /**
             * Log traceparent.
             * @member {string} traceparent
             * @memberof snakepit.v1.Log
             * @instance
             */
            Log.prototype.traceparent = "";

            /**
             * Creates a new Log instance using the specified properties.
             * @function create
             * @memberof snakepit.v1.Log
             * @static
             * @param {snakepit.v1.ILog=} [properties] Properties to set
             * @returns {snakepit.v1.Log} Log instance
             */
            Log.create = function create(properties) {
                return new Log(properties);
            };

            /**
             * Encodes the specified Log message. Does not implicitly {@link snakepit.v1.Log.verify|verify} messages.
             * @function encode
             * @memberof snakepit.v1.Log
             * @static
             * @param {snakepit.v1.ILog} message Log message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Log.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.level != null && Object.hasOwnProperty.call(message, "level"))
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.level);
                if (message.message != null && Object.hasOwnProperty.call(message, "message"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
                if (message.logger != null && Object.hasOwnProperty.call(message, "logger"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.logger);
                if (message.traceparent != null && Object.hasOwnProperty.call(message, "traceparent"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.traceparent);
                return writer;
            };

            /**
             * Encodes the specified Log message, length delimited. Does not implicitly {@link snakepit.v1.Log.verify|verify} messages.
             * @function encodeDelimited
             * @memberof snakepit.v1.Log
             * @static
             * @param {snakepit.v1.ILog} message Log message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Log.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a Log message from the specified reader or buffer.
             * @function decode
             * @memberof snakepit.v1.Log
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {snakepit.v1.Log} Log
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Log.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.snakepit.v1.Log();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.level = reader.int32();
                            break;
                        }
                    case 2: {
                            message.message = reader.string();
                            break;
                        }
                    case 3: {
                            message.logger = reader.string();
                            break;
                        }
                    case 4: {
                            message.traceparent = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes a Log message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof snakepit.v1.Log
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {snakepit.v1.Log} Log
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Log.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Creates a Log message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof snakepit.v1.Log
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {snakepit.v1.Log} Log
             */
            Log.fromObject = function fromObject(object, long) {
                if (object instanceof $root.snakepit.v1.Log)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".snakepit.v1.Log: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.snakepit.v1.Log();
                switch (object.level) {
                default:
                    if (typeof object.level === "number") {
                        message.level = object.level;
                        break;
                    }
                    break;
                case "LEVEL_UNSPECIFIED":
                case 0:
                    message.level = 0;
                    break;
                case "DEBUG":
                case 1:
                    message.level = 1;
                    break;
                case "INFO":
                case 2:
                    message.level = 2;
                    break;
                case "WARNING":
                case 3:
                    message.level = 3;
                    break;
                case "ERROR":
                case 4:
                    message.level = 4;
                    break;
                case "CRITICAL":
                case 5:
                    message.level = 5;
                    break;
                }
                if (object.message != null)
                    message.message = String(object.message);
                if (object.logger != null)
                    message.logger = String(object.logger);
                if (object.traceparent != null)
                    message.traceparent = String(object.traceparent);
                return message;
            };

            /**
             * Creates a plain object from a Log message. Also converts values to other types if specified.
             * @function toObject
             * @memberof snakepit.v1.Log
             * @static
             * @param {snakepit.v1.Log} message Log
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Log.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.level = options.enums === String ? "LEVEL_UNSPECIFIED" : 0;
                    object.message = "";
                    object.logger = "";
                    object.traceparent = "";
                }
                if (message.level != null && Object.hasOwnProperty.call(message, "level"))
                    object.level = options.enums === String ? $root.snakepit.v1.Log.Level[message.level] === undefined ? message.level : $root.snakepit.v1.Log.Level[message.level] : message.level;
                if (message.message != null && Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                if (message.logger != null && Object.hasOwnProperty.call(message, "logger"))
                    object.logger = message.logger;
                if (message.traceparent != null && Object.hasOwnProperty.call(message, "traceparent"))
                    object.traceparent = message.traceparent;
                return object;
            };

            /**
             * Converts this Log to JSON.
             * @function toJSON
             * @memberof snakepit.v1.Log
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Log.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for Log
             * @function getTypeUrl
             * @memberof snakepit.v1.Log
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Log.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/snakepit.v1.Log";
            };

            /**
             * Level enum.
             * @name snakepit.v1.Log.Level
             * @enum {number}
             * @property {number} LEVEL_UNSPECIFIED=0 LEVEL_UNSPECIFIED value
             * @property {number} DEBUG=1 DEBUG value
             * @property {number} INFO=2 INFO value
             * @property {number} WARNING=3 WARNING value
             * @property {number} ERROR=4 ERROR value
             * @property {number} CRITICAL=5 CRITICAL value
             */
            Log.Level = (function() {
                const valuesById = {}, values = Object.create(valuesById);
                values[valuesById[0] = "LEVEL_UNSPECIFIED"] = 0;
                values[valuesById[1] = "DEBUG"] = 1;
                values[valuesById[2] = "INFO"] = 2;
                values[valuesById[3] = "WARNING"] = 3;
                values[valuesById[4] = "ERROR"] = 4;
                values[valuesById[5] = "CRITICAL"] = 5;
                return values;
            })();

            return Log;
        })();

        v1.Fault = (function() {

            /**
             * Properties of a Fault.
             * @memberof snakepit.v1
             * @interface IFault
             * @property {string|null} [code] Fault code
             * @property {string|null} [message] Fault message
             * @property {snakepit.v1.IPythonError|null} [error] Fault error
             */

            /**
             * Constructs a new Fault.
             * @memberof snakepit.v1
             * @classdesc Represents a Fault.
             * @implements IFault
             * @constructor
             * @param {snakepit.v1.IFault=} [properties] Properties to set
             */
            function Fault(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Fault code.
             * @member {string} code
             * @memberof snakepit.v1.Fault
             * @instance
             */
            Fault.prototype.code = "";

            /**
             * Fault message.
             * @member {string} message
             * @memberof snakepit.v1.Fault
             * @instance
             */
            Fault.prototype.message = "";

            /**
             * Fault error.
             * @member {snakepit.v1.IPythonError|null|undefined} error
             * @memberof snakepit.v1.Fault
             * @instance
             */
            Fault.prototype.error = null;

            /**
             * Creates a new Fault instance using the specified properties.
             * @function create
             * @memberof snakepit.v1.Fault
             * @static
             * @param {snakepit.v1.IFault=} [properties] Properties to set
             * @returns {snakepit.v1.Fault} Fault instance
             */
            Fault.create = function create(properties) {
                return new Fault(properties);
            };

            /**
             * Encodes the specified Fault message. Does not implicitly {@link snakepit.v1.Fault.verify|verify} messages.
             * @function encode
             * @memberof snakepit.v1.Fault
             * @static
             * @param {snakepit.v1.IFault} message Fault message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Fault.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.code != null && Object.hasOwnProperty.call(message, "code"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.code);
                if (message.message != null && Object.hasOwnProperty.call(message, "message"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
                if (message.error != null && Object.hasOwnProperty.call(message, "error"))
                    $root.snakepit.v1.PythonError.encode(message.error, writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Encodes the specified Fault message, length delimited. Does not implicitly {@link snakepit.v1.Fault.verify|verify} messages.
             * @function encodeDelimited
             * @memberof snakepit.v1.Fault
             * @static
             * @param {snakepit.v1.IFault} message Fault message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Fault.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a Fault message from the specified reader or buffer.
             * @function decode
             * @memberof snakepit.v1.Fault
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {snakepit.v1.Fault} Fault
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Fault.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.snakepit.v1.Fault();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.code = reader.string();
                            break;
                        }
                    case 2: {
                            message.message = reader.string();
                            break;
                        }
                    case 3: {
                            message.error = $root.snakepit.v1.PythonError.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes a Fault message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof snakepit.v1.Fault
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {snakepit.v1.Fault} Fault
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Fault.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Creates a Fault message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof snakepit.v1.Fault
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {snakepit.v1.Fault} Fault
             */
            Fault.fromObject = function fromObject(object, long) {
                if (object instanceof $root.snakepit.v1.Fault)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".snakepit.v1.Fault: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.snakepit.v1.Fault();
                if (object.code != null)
                    message.code = String(object.code);
                if (object.message != null)
                    message.message = String(object.message);
                if (object.error != null) {
                    if (!$util.isObject(object.error))
                        throw TypeError(".snakepit.v1.Fault.error: object expected");
                    message.error = $root.snakepit.v1.PythonError.fromObject(object.error, long + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a Fault message. Also converts values to other types if specified.
             * @function toObject
             * @memberof snakepit.v1.Fault
             * @static
             * @param {snakepit.v1.Fault} message Fault
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Fault.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.code = "";
                    object.message = "";
                    object.error = null;
                }
                if (message.code != null && Object.hasOwnProperty.call(message, "code"))
                    object.code = message.code;
                if (message.message != null && Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                if (message.error != null && Object.hasOwnProperty.call(message, "error"))
                    object.error = $root.snakepit.v1.PythonError.toObject(message.error, options, q + 1);
                return object;
            };

            /**
             * Converts this Fault to JSON.
             * @function toJSON
             * @memberof snakepit.v1.Fault
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Fault.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for Fault
             * @function getTypeUrl
             * @memberof snakepit.v1.Fault
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Fault.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/snakepit.v1.Fault";
            };

            return Fault;
        })();

        v1.PythonError = (function() {

            /**
             * Properties of a PythonError.
             * @memberof snakepit.v1
             * @interface IPythonError
             * @property {string|null} [type] PythonError type
             * @property {string|null} [message] PythonError message
             * @property {string|null} [traceback] PythonError traceback
             */

            /**
             * Constructs a new PythonError.
             * @memberof snakepit.v1
             * @classdesc Represents a PythonError.
             * @implements IPythonError
             * @constructor
             * @param {snakepit.v1.IPythonError=} [properties] Properties to set
             */
            function PythonError(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * PythonError type.
             * @member {string} type
             * @memberof snakepit.v1.PythonError
             * @instance
             */
            PythonError.prototype.type = "";

            /**
             * PythonError message.
             * @member {string} message
             * @memberof snakepit.v1.PythonError
             * @instance
             */
            PythonError.prototype.message = "";

            /**
             * PythonError traceback.
             * @member {string} traceback
             * @memberof snakepit.v1.PythonError
             * @instance
             */
            PythonError.prototype.traceback = "";

            /**
             * Creates a new PythonError instance using the specified properties.
             * @function create
             * @memberof snakepit.v1.PythonError
             * @static
             * @param {snakepit.v1.IPythonError=} [properties] Properties to set
             * @returns {snakepit.v1.PythonError} PythonError instance
             */
            PythonError.create = function create(properties) {
                return new PythonError(properties);
            };

            /**
             * Encodes the specified PythonError message. Does not implicitly {@link snakepit.v1.PythonError.verify|verify} messages.
             * @function encode
             * @memberof snakepit.v1.PythonError
             * @static
             * @param {snakepit.v1.IPythonError} message PythonError message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PythonError.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.type != null && Object.hasOwnProperty.call(message, "type"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.type);
                if (message.message != null && Object.hasOwnProperty.call(message, "message"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
                if (message.traceback != null && Object.hasOwnProperty.call(message, "traceback"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.traceback);
                return writer;
            };

            /**
             * Encodes the specified PythonError message, length delimited. Does not implicitly {@link snakepit.v1.PythonError.verify|verify} messages.
             * @function encodeDelimited
             * @memberof snakepit.v1.PythonError
             * @static
             * @param {snakepit.v1.IPythonError} message PythonError message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PythonError.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a PythonError message from the specified reader or buffer.
             * @function decode
             * @memberof snakepit.v1.PythonError
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {snakepit.v1.PythonError} PythonError
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PythonError.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.snakepit.v1.PythonError();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.type = reader.string();
                            break;
                        }
                    case 2: {
                            message.message = reader.string();
                            break;
                        }
                    case 3: {
                            message.traceback = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes a PythonError message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof snakepit.v1.PythonError
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {snakepit.v1.PythonError} PythonError
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PythonError.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Creates a PythonError message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof snakepit.v1.PythonError
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {snakepit.v1.PythonError} PythonError
             */
            PythonError.fromObject = function fromObject(object, long) {
                if (object instanceof $root.snakepit.v1.PythonError)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".snakepit.v1.PythonError: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.snakepit.v1.PythonError();
                if (object.type != null)
                    message.type = String(object.type);
                if (object.message != null)
                    message.message = String(object.message);
                if (object.traceback != null)
                    message.traceback = String(object.traceback);
                return message;
            };

            /**
             * Creates a plain object from a PythonError message. Also converts values to other types if specified.
             * @function toObject
             * @memberof snakepit.v1.PythonError
             * @static
             * @param {snakepit.v1.PythonError} message PythonError
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PythonError.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.type = "";
                    object.message = "";
                    object.traceback = "";
                }
                if (message.type != null && Object.hasOwnProperty.call(message, "type"))
                    object.type = message.type;
                if (message.message != null && Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                if (message.traceback != null && Object.hasOwnProperty.call(message, "traceback"))
                    object.traceback = message.traceback;
                return object;
            };

            /**
             * Converts this PythonError to JSON.
             * @function toJSON
             * @memberof snakepit.v1.PythonError
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PythonError.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for PythonError
             * @function getTypeUrl
             * @memberof snakepit.v1.PythonError
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            PythonError.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/snakepit.v1.PythonError";
            };

            return PythonError;
        })();

        v1.ExecuteRequest = (function() {

            /**
             * Properties of an ExecuteRequest.
             * @memberof snakepit.v1
             * @interface IExecuteRequest
             * @property {string|null} [command] ExecuteRequest command
             * @property {Uint8Array|null} [payload] ExecuteRequest payload
             * @property {string|null} [contentType] ExecuteRequest contentType
             * @property {Object.<string,string>|null} [metadata] ExecuteRequest metadata
             * @property {number|null} [timeoutMs] ExecuteRequest timeoutMs
             * @property {boolean|null} [forwardSpans] ExecuteRequest forwardSpans
             */

            /**
             * Constructs a new ExecuteRequest.
             * @memberof snakepit.v1
             * @classdesc Represents an ExecuteRequest.
             * @implements IExecuteRequest
             * @constructor
             * @param {snakepit.v1.IExecuteRequest=} [properties] Properties to set
             */
            function ExecuteRequest(properties) {
                this.metadata = {};
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ExecuteRequest command.
             * @member {string} command
             * @memberof snakepit.v1.ExecuteRequest
             * @instance
             */
            ExecuteRequest.prototype.command = "";

            /**
             * ExecuteRequest payload.
             * @member {Uint8Array} payload
             * @memberof snakepit.v1.ExecuteRequest
             * @instance
             */
            ExecuteRequest.prototype.payload = $util.newBuffer([]);

            /**
             * ExecuteRequest contentType.
             * @member {string} contentType
             * @memberof snakepit.v1.ExecuteRequest
             * @instance
             */
            ExecuteRequest.prototype.contentType = "";

            /**
             * ExecuteRequest metadata.
             * @member {Object.<string,string>} metadata
             * @memberof snakepit.v1.ExecuteRequest
             * @instance
             */
            ExecuteRequest.prototype.metadata = $util.emptyObject;

            /**
             * ExecuteRequest timeoutMs.
             * @member {number} timeoutMs
             * @memberof snakepit.v1.ExecuteRequest
             * @instance
             */
            ExecuteRequest.prototype.timeoutMs = 0;

            /**
             * ExecuteRequest forwardSpans.
             * @member {boolean} forwardSpans
             * @memberof snakepit.v1.ExecuteRequest
             * @instance
             */
            ExecuteRequest.prototype.forwardSpans = false;

            /**
             * Creates a new ExecuteRequest instance using the specified properties.
             * @function create
             * @memberof snakepit.v1.ExecuteRequest
             * @static
             * @param {snakepit.v1.IExecuteRequest=} [properties] Properties to set
             * @returns {snakepit.v1.ExecuteRequest} ExecuteRequest instance
             */
            ExecuteRequest.create = function create(properties) {
                return new ExecuteRequest(properties);
            };

            /**
             * Encodes the specified ExecuteRequest message. Does not implicitly {@link snakepit.v1.ExecuteRequest.verify|verify} messages.
             * @function encode
             * @memberof snakepit.v1.ExecuteRequest
             * @static
             * @param {snakepit.v1.IExecuteRequest} message ExecuteRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ExecuteRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.command != null && Object.hasOwnProperty.call(message, "command"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.command);
                if (message.payload != null && Object.hasOwnProperty.call(message, "payload"))
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.payload);
                if (message.contentType != null && Object.hasOwnProperty.call(message, "contentType"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.contentType);
                if (message.metadata != null && Object.hasOwnProperty.call(message, "metadata"))
                    for (let keys = Object.keys(message.metadata), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 4, wireType 2 =*/34).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.metadata[keys[i]]).ldelim();
                if (message.timeoutMs != null && Object.hasOwnProperty.call(message, "timeoutMs"))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.timeoutMs);
                if (message.forwardSpans != null && Object.hasOwnProperty.call(message, "forwardSpans"))
                    writer.uint32(/* id 6, wireType 0 =*/48).bool(message.forwardSpans);
                return writer;
            };

            /**
             * Encodes the specified ExecuteRequest message, length delimited. Does not implicitly {@link snakepit.v1.ExecuteRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof snakepit.v1.ExecuteRequest
             * @static
             * @param {snakepit.v1.IExecuteRequest} message ExecuteRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ExecuteRequest.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes an ExecuteRequest message from the specified reader or buffer.
             * @function decode
             * @memberof snakepit.v1.ExecuteRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {snakepit.v1.ExecuteRequest} ExecuteRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ExecuteRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message, key, value;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.snakepit.v1.ExecuteRequest();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.command = reader.string();
                            break;
                        }
                    case 2: {
                            message.payload = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.contentType = reader.string();
                            break;
                        }
                    case 4: {
                            if (message.metadata === $util.emptyObject)
                                message.metadata = {};
                            let end2 = reader.uint32() + reader.pos;
                            if (end2 > reader.len)
                                throw RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                let tag2 = reader.uint32();
                                switch (tag2 >>> 3) {
                                case 1:
                                    key = reader.string();
                                    break;
                                case 2:
                                    value = reader.string();
                                    break;
                                default:
                                    reader.skipType(tag2 & 7, long);
                                    break;
                                }
                            }
                            if (reader.pos !== end2)
                                throw RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.metadata, key);
                            message.metadata[key] = value;
                            break;
                        }
                    case 5: {
                            message.timeoutMs = reader.uint32();
                            break;
                        }
                    case 6: {
                            message.forwardSpans = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes an ExecuteRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof snakepit.v1.ExecuteRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {snakepit.v1.ExecuteRequest} ExecuteRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ExecuteRequest.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Creates an ExecuteRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof snakepit.v1.ExecuteRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {snakepit.v1.ExecuteRequest} ExecuteRequest
             */
            ExecuteRequest.fromObject = function fromObject(object, long) {
                if (object instanceof $root.snakepit.v1.ExecuteRequest)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".snakepit.v1.ExecuteRequest: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.snakepit.v1.ExecuteRequest();
                if (object.command != null)
                    message.command = String(object.command);
                if (object.payload != null)
                    if (typeof object.payload === "string")
                        $util.base64.decode(object.payload, message.payload = $util.newBuffer($util.base64.length(object.payload)), 0);
                    else if (object.payload.length >= 0)
                        message.payload = object.payload;
                if (object.contentType != null)
                    message.contentType = String(object.contentType);
                if (object.metadata) {
                    if (!$util.isObject(object.metadata))
                        throw TypeError(".snakepit.v1.ExecuteRequest.metadata: object expected");
                    message.metadata = {};
                    for (let keys = Object.keys(object.metadata), i = 0; i < keys.length; ++i) {
                        if (keys[i] === "__proto__")
                            $util.makeProp(message.metadata, keys[i]);
                        message.metadata[keys[i]] = String(object.metadata[keys[i]]);
                    }
                }
                if (object.timeoutMs != null)
                    message.timeoutMs = object.timeoutMs >>> 0;
                if (object.forwardSpans != null)
                    message.forwardSpans = Boolean(object.forwardSpans);
                return message;
            };

            /**
             * Creates a plain object from an ExecuteRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof snakepit.v1.ExecuteRequest
             * @static
             * @param {snakepit.v1.ExecuteRequest} message ExecuteRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ExecuteRequest.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.objects || options.defaults)
                    object.metadata = {};
                if (options.defaults) {
                    object.command = "";
                    if (options.bytes === String)
                        object.payload = "";
                    else {
                        object.payload = [];
                        if (options.bytes !== Array)
                            object.payload = $util.newBuffer(object.payload);
                    }
                    object.contentType = "";
                    object.timeoutMs = 0;
                    object.forwardSpans = false;
                }
                if (message.command != null && Object.hasOwnProperty.call(message, "command"))
                    object.command = message.command;
                if (message.payload != null && Object.hasOwnProperty.call(message, "payload"))
                    object.payload = options.bytes === String ? $util.base64.encode(message.payload, 0, message.payload.length) : options.bytes === Array ? Array.prototype.slice.call(message.payload) : message.payload;
                if (message.contentType != null && Object.hasOwnProperty.call(message, "contentType"))
                    object.contentType = message.contentType;
                let keys2;
                if (message.metadata && (keys2 = Object.keys(message.metadata)).length) {
                    object.metadata = {};
                    for (let j = 0; j < keys2.length; ++j) {
                        if (keys2[j] === "__proto__")
                            $util.makeProp(object.metadata, keys2[j]);
                        object.metadata[keys2[j]] = message.metadata[keys2[j]];
                    }
                }
                if (message.timeoutMs != null && Object.hasOwnProperty.call(message, "timeoutMs"))
                    object.timeoutMs = message.timeoutMs;
                if (message.forwardSpans != null && Object.hasOwnProperty.call(message, "forwardSpans"))
                    object.forwardSpans = message.forwardSpans;
                return object;
            };

            /**
             * Converts this ExecuteRequest to JSON.
             * @function toJSON
             * @memberof snakepit.v1.ExecuteRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ExecuteRequest.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for ExecuteRequest
             * @function getTypeUrl
             * @memberof snakepit.v1.ExecuteRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ExecuteRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/snakepit.v1.ExecuteRequest";
            };

            return ExecuteRequest;
        })();

        v1.ExecuteResponse = (function() {

            /**
             * Properties of an ExecuteResponse.
             * @memberof snakepit.v1
             * @interface IExecuteResponse
             * @property {snakepit.v1.IPayload|null} [result] ExecuteResponse result
             * @property {snakepit.v1.IPythonError|null} [error] ExecuteResponse error
             * @property {number|null} [handlerTimeUs] ExecuteResponse handlerTimeUs
             * @property {boolean|null} [handlerSpanRecorded] ExecuteResponse handlerSpanRecorded
             * @property {Array.<snakepit.v1.IPythonSpan>|null} [spans] ExecuteResponse spans
             */

            /**
             * Constructs a new ExecuteResponse.
             * @memberof snakepit.v1
             * @classdesc Represents an ExecuteResponse.
             * @implements IExecuteResponse
             * @constructor
             * @param {snakepit.v1.IExecuteResponse=} [properties] Properties to set
             */
            function ExecuteResponse(properties) {
                this.spans = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * ExecuteResponse result.
             * @member {snakepit.v1.IPayload|null|undefined} result
             * @memberof snakepit.v1.ExecuteResponse
             * @instance
             */
            ExecuteResponse.prototype.result = null;

            /**
             * ExecuteResponse error.
             * @member {snakepit.v1.IPythonError|null|undefined} error
             * @memberof snakepit.v1.ExecuteResponse
             * @instance
             */
            ExecuteResponse.prototype.error = null;

            /**
             * ExecuteResponse handlerTimeUs.
             * @member {number} handlerTimeUs
             * @memberof snakepit.v1.ExecuteResponse
             * @instance
             */
            ExecuteResponse.prototype.handlerTimeUs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * ExecuteResponse handlerSpanRecorded.
             * @member {boolean} handlerSpanRecorded
             * @memberof snakepit.v1.ExecuteResponse
             * @instance
             */
            ExecuteResponse.prototype.handlerSpanRecorded = false;

            /**
             * ExecuteResponse spans.
             * @member {Array.<snakepit.v1.IPythonSpan>} spans
             * @memberof snakepit.v1.ExecuteResponse
             * @instance
             */
            ExecuteResponse.prototype.spans = $util.emptyArray;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * ExecuteResponse outcome.
             * @member {"result"|"error"|undefined} outcome
             * @memberof snakepit.v1.ExecuteResponse
             * @instance
             */
            Object.defineProperty(ExecuteResponse.prototype, "outcome", {
                get: $util.oneOfGetter($oneOfFields = ["result", "error"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new ExecuteResponse instance using the specified properties.
             * @function create
             * @memberof snakepit.v1.ExecuteResponse
             * @static
             * @param {snakepit.v1.IExecuteResponse=} [properties] Properties to set
             * @returns {snakepit.v1.ExecuteResponse} ExecuteResponse instance
             */
            ExecuteResponse.create = function create(properties) {
                return new ExecuteResponse(properties);
            };

            /**
             * Encodes the specified ExecuteResponse message. Does not implicitly {@link snakepit.v1.ExecuteResponse.verify|verify} messages.
             * @function encode
             * @memberof snakepit.v1.ExecuteResponse
             * @static
             * @param {snakepit.v1.IExecuteResponse} message ExecuteResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ExecuteResponse.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.result != null && Object.hasOwnProperty.call(message, "result"))
                    $root.snakepit.v1.Payload.encode(message.result, writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (message.error != null && Object.hasOwnProperty.call(message, "error"))
                    $root.snakepit.v1.PythonError.encode(message.error, writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (message.handlerTimeUs != null && Object.hasOwnProperty.call(message, "handlerTimeUs"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.handlerTimeUs);
                if (message.handlerSpanRecorded != null && Object.hasOwnProperty.call(message, "handlerSpanRecorded"))
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.handlerSpanRecorded);
                if (message.spans != null && message.spans.length)
                    for (let i = 0; i < message.spans.length; ++i)
                        $root.snakepit.v1.PythonSpan.encode(message.spans[i], writer.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Encodes the specified ExecuteResponse message, length delimited. Does not implicitly {@link snakepit.v1.ExecuteResponse.verify|verify} messages.
             * @function encodeDelimited
             * @memberof snakepit.v1.ExecuteResponse
             * @static
             * @param {snakepit.v1.IExecuteResponse} message ExecuteResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ExecuteResponse.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes an ExecuteResponse message from the specified reader or buffer.
             * @function decode
             * @memberof snakepit.v1.ExecuteResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {snakepit.v1.ExecuteResponse} ExecuteResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ExecuteResponse.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.snakepit.v1.ExecuteResponse();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.result = $root.snakepit.v1.Payload.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 2: {
                            message.error = $root.snakepit.v1.PythonError.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 3: {
                            message.handlerTimeUs = $toNumber(reader.uint64());
                            break;
                        }
                    case 4: {
                            message.handlerSpanRecorded = reader.bool();
                            break;
                        }
                    case 5: {
                            if (!(message.spans && message.spans.length))
                                message.spans = [];
                            message.spans.push($root.snakepit.v1.PythonSpan.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes an ExecuteResponse message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof snakepit.v1.ExecuteResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {snakepit.v1.ExecuteResponse} ExecuteResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ExecuteResponse.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Creates an ExecuteResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof snakepit.v1.ExecuteResponse
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {snakepit.v1.ExecuteResponse} ExecuteResponse
             */
            ExecuteResponse.fromObject = function fromObject(object, long) {
                if (object instanceof $root.snakepit.v1.ExecuteResponse)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".snakepit.v1.ExecuteResponse: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.snakepit.v1.ExecuteResponse();
                if (object.result != null) {
                    if (!$util.isObject(object.result))
                        throw TypeError(".snakepit.v1.ExecuteResponse.result: object expected");
                    message.result = $root.snakepit.v1.Payload.fromObject(object.result, long + 1);
                }
                if (object.error != null) {
                    if (!$util.isObject(object.error))
                        throw TypeError(".snakepit.v1.ExecuteResponse.error: object expected");
                    message.error = $root.snakepit.v1.PythonError.fromObject(object.error, long + 1);
                }
                if (object.handlerTimeUs != null)
                    if ($util.Long)
                        message.handlerTimeUs = $util.Long.fromValue(object.handlerTimeUs, true);
                    else if (typeof object.handlerTimeUs === "string")
                        message.handlerTimeUs = parseInt(object.handlerTimeUs, 10);
                    else if (typeof object.handlerTimeUs === "number")
                        message.handlerTimeUs = object.handlerTimeUs;
                    else if (typeof object.handlerTimeUs === "object")
                        message.handlerTimeUs = new $util.LongBits(object.handlerTimeUs.low >>> 0, object.handlerTimeUs.high >>> 0).toNumber(true);
                if (object.handlerSpanRecorded != null)
                    message.handlerSpanRecorded = Boolean(object.handlerSpanRecorded);
                if (object.spans) {
                    if (!Array.isArray(object.spans))
                        throw TypeError(".snakepit.v1.ExecuteResponse.spans: array expected");
                    message.spans = [];
                    for (let i = 0; i < object.spans.length; ++i) {
                        if (!$util.isObject(object.spans[i]))
                            throw TypeError(".snakepit.v1.ExecuteResponse.spans: object expected");
                        message.spans[i] = $root.snakepit.v1.PythonSpan.fromObject(object.spans[i], long + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from an ExecuteResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof snakepit.v1.ExecuteResponse
             * @static
             * @param {snakepit.v1.ExecuteResponse} message ExecuteResponse
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ExecuteResponse.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.spans = [];
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.handlerTimeUs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.handlerTimeUs = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    object.handlerSpanRecorded = false;
                }
                if (message.result != null && Object.hasOwnProperty.call(message, "result")) {
                    object.result = $root.snakepit.v1.Payload.toObject(message.result, options, q + 1);
                    if (options.oneofs)
                        object.outcome = "result";
                }
                if (message.error != null && Object.hasOwnProperty.call(message, "error")) {
                    object.error = $root.snakepit.v1.PythonError.toObject(message.error, options, q + 1);
                    if (options.oneofs)
                        object.outcome = "error";
                }
                if (message.handlerTimeUs != null && Object.hasOwnProperty.call(message, "handlerTimeUs"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.handlerTimeUs = typeof message.handlerTimeUs === "number" ? BigInt(message.handlerTimeUs) : $util.Long.fromBits(message.handlerTimeUs.low >>> 0, message.handlerTimeUs.high >>> 0, true).toBigInt();
                    else if (typeof message.handlerTimeUs === "number")
                        object.handlerTimeUs = options.longs === String ? String(message.handlerTimeUs) : message.handlerTimeUs;
                    else
                        object.handlerTimeUs = options.longs === String ? $util.Long.prototype.toString.call(message.handlerTimeUs) : options.longs === Number ? new $util.LongBits(message.handlerTimeUs.low >>> 0, message.handlerTimeUs.high >>> 0).toNumber(true) : message.handlerTimeUs;
                if (message.handlerSpanRecorded != null && Object.hasOwnProperty.call(message, "handlerSpanRecorded"))
                    object.handlerSpanRecorded = message.handlerSpanRecorded;
                if (message.spans && message.spans.length) {
                    object.spans = [];
                    for (let j = 0; j < message.spans.length; ++j)
                        object.spans[j] = $root.snakepit.v1.PythonSpan.toObject(message.spans[j], options, q + 1);
                }
                return object;
            };

            /**
             * Converts this ExecuteResponse to JSON.
             * @function toJSON
             * @memberof snakepit.v1.ExecuteResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ExecuteResponse.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for ExecuteResponse
             * @function getTypeUrl
             * @memberof snakepit.v1.ExecuteResponse
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            ExecuteResponse.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/snakepit.v1.ExecuteResponse";
            };

            return ExecuteResponse;
        })();

        v1.PythonSpan = (function() {

            /**
             * Properties of a PythonSpan.
             * @memberof snakepit.v1
             * @interface IPythonSpan
             * @property {string|null} [name] PythonSpan name
             * @property {Uint8Array|null} [traceId] PythonSpan traceId
             * @property {Uint8Array|null} [spanId] PythonSpan spanId
             * @property {Uint8Array|null} [parentSpanId] PythonSpan parentSpanId
             * @property {number|null} [kind] PythonSpan kind
             * @property {number|null} [startTimeUnixUs] PythonSpan startTimeUnixUs
             * @property {number|null} [endTimeUnixUs] PythonSpan endTimeUnixUs
             * @property {string|null} [attributesJson] PythonSpan attributesJson
             * @property {number|null} [statusCode] PythonSpan statusCode
             * @property {string|null} [statusMessage] PythonSpan statusMessage
             * @property {Array.<snakepit.v1.IPythonSpanEvent>|null} [events] PythonSpan events
             * @property {string|null} [scopeName] PythonSpan scopeName
             * @property {string|null} [scopeVersion] PythonSpan scopeVersion
             * @property {number|null} [droppedAttributes] PythonSpan droppedAttributes
             * @property {number|null} [droppedEvents] PythonSpan droppedEvents
             */

            /**
             * Constructs a new PythonSpan.
             * @memberof snakepit.v1
             * @classdesc Represents a PythonSpan.
             * @implements IPythonSpan
             * @constructor
             * @param {snakepit.v1.IPythonSpan=} [properties] Properties to set
             */
            function PythonSpan(properties) {
                this.events = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * PythonSpan name.
             * @member {string} name
             * @memberof snakepit.v1.PythonSpan
             * @instance
             */
            PythonSpan.prototype.name = "";

            /**
             * PythonSpan traceId.
             * @member {Uint8Array} traceId
             * @memberof snakepit.v1.PythonSpan
             * @instance
             */
            PythonSpan.prototype.traceId = $util.newBuffer([]);

            /**
             * PythonSpan spanId.
             * @member {Uint8Array} spanId
             * @memberof snakepit.v1.PythonSpan
             * @instance
             */
            PythonSpan.prototype.spanId = $util.newBuffer([]);

            /**
             * PythonSpan parentSpanId.
             * @member {Uint8Array} parentSpanId
             * @memberof snakepit.v1.PythonSpan
             * @instance
             */
            PythonSpan.prototype.parentSpanId = $util.newBuffer([]);

            /**
             * PythonSpan kind.
             * @member {number} kind
             * @memberof snakepit.v1.PythonSpan
             * @instance
             */
            PythonSpan.prototype.kind = 0;

            /**
             * PythonSpan startTimeUnixUs.
             * @member {number} startTimeUnixUs
             * @memberof snakepit.v1.PythonSpan
             * @instance
             */
            PythonSpan.prototype.startTimeUnixUs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * PythonSpan endTimeUnixUs.
             * @member {number} endTimeUnixUs
             * @memberof snakepit.v1.PythonSpan
             * @instance
             */
            PythonSpan.prototype.endTimeUnixUs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * PythonSpan attributesJson.
             * @member {string} attributesJson
             * @memberof snakepit.v1.PythonSpan
             * @instance
             */
            PythonSpan.prototype.attributesJson = "";

            /**
             * PythonSpan statusCode.
             * @member {number} statusCode
             * @memberof snakepit.v1.PythonSpan
             * @instance
             */
            PythonSpan.prototype.statusCode = 0;

            /**
             * PythonSpan statusMessage.
             * @member {string} statusMessage
             * @memberof snakepit.v1.PythonSpan
             * @instance
             */
            PythonSpan.prototype.statusMessage = "";

            /**
             * PythonSpan events.
             * @member {Array.<snakepit.v1.IPythonSpanEvent>} events
             * @memberof snakepit.v1.PythonSpan
             * @instance
             */
            PythonSpan.prototype.events = $util.emptyArray;

            /**
             * PythonSpan scopeName.
             * @member {string} scopeName
             * @memberof snakepit.v1.PythonSpan
             * @instance
             */
            PythonSpan.prototype.scopeName = "";

            /**
             * PythonSpan scopeVersion.
             * @member {string} scopeVersion
             * @memberof snakepit.v1.PythonSpan
             * @instance
             */
            PythonSpan.prototype.scopeVersion = "";

            /**
             * PythonSpan droppedAttributes.
             * @member {number} droppedAttributes
             * @memberof snakepit.v1.PythonSpan
             * @instance
             */
            PythonSpan.prototype.droppedAttributes = 0;

            /**
             * PythonSpan droppedEvents.
             * @member {number} droppedEvents
             * @memberof snakepit.v1.PythonSpan
             * @instance
             */
            PythonSpan.prototype.droppedEvents = 0;

            /**
             * Creates a new PythonSpan instance using the specified properties.
             * @function create
             * @memberof snakepit.v1.PythonSpan
             * @static
             * @param {snakepit.v1.IPythonSpan=} [properties] Properties to set
             * @returns {snakepit.v1.PythonSpan} PythonSpan instance
             */
            PythonSpan.create = function create(properties) {
                return new PythonSpan(properties);
            };

            /**
             * Encodes the specified PythonSpan message. Does not implicitly {@link snakepit.v1.PythonSpan.verify|verify} messages.
             * @function encode
             * @memberof snakepit.v1.PythonSpan
             * @static
             * @param {snakepit.v1.IPythonSpan} message PythonSpan message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PythonSpan.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.traceId != null && Object.hasOwnProperty.call(message, "traceId"))
                    writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.traceId);
                if (message.spanId != null && Object.hasOwnProperty.call(message, "spanId"))
                    writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.spanId);
                if (message.parentSpanId != null && Object.hasOwnProperty.call(message, "parentSpanId"))
                    writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.parentSpanId);
                if (message.kind != null && Object.hasOwnProperty.call(message, "kind"))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.kind);
                if (message.startTimeUnixUs != null && Object.hasOwnProperty.call(message, "startTimeUnixUs"))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.startTimeUnixUs);
                if (message.endTimeUnixUs != null && Object.hasOwnProperty.call(message, "endTimeUnixUs"))
                    writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.endTimeUnixUs);
                if (message.attributesJson != null && Object.hasOwnProperty.call(message, "attributesJson"))
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.attributesJson);
                if (message.statusCode != null && Object.hasOwnProperty.call(message, "statusCode"))
                    writer.uint32(/* id 9, wireType 0 =*/72).uint32(message.statusCode);
                if (message.statusMessage != null && Object.hasOwnProperty.call(message, "statusMessage"))
                    writer.uint32(/* id 10, wireType 2 =*/82).string(message.statusMessage);
                if (message.events != null && message.events.length)
                    for (let i = 0; i < message.events.length; ++i)
                        $root.snakepit.v1.PythonSpanEvent.encode(message.events[i], writer.uint32(/* id 11, wireType 2 =*/90).fork(), q + 1).ldelim();
                if (message.scopeName != null && Object.hasOwnProperty.call(message, "scopeName"))
                    writer.uint32(/* id 12, wireType 2 =*/98).string(message.scopeName);
                if (message.scopeVersion != null && Object.hasOwnProperty.call(message, "scopeVersion"))
                    writer.uint32(/* id 13, wireType 2 =*/106).string(message.scopeVersion);
                if (message.droppedAttributes != null && Object.hasOwnProperty.call(message, "droppedAttributes"))
                    writer.uint32(/* id 14, wireType 0 =*/112).uint32(message.droppedAttributes);
                if (message.droppedEvents != null && Object.hasOwnProperty.call(message, "droppedEvents"))
                    writer.uint32(/* id 15, wireType 0 =*/120).uint32(message.droppedEvents);
                return writer;
            };

            /**
             * Encodes the specified PythonSpan message, length delimited. Does not implicitly {@link snakepit.v1.PythonSpan.verify|verify} messages.
             * @function encodeDelimited
             * @memberof snakepit.v1.PythonSpan
             * @static
             * @param {snakepit.v1.IPythonSpan} message PythonSpan message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PythonSpan.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a PythonSpan message from the specified reader or buffer.
             * @function decode
             * @memberof snakepit.v1.PythonSpan
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {snakepit.v1.PythonSpan} PythonSpan
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PythonSpan.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.snakepit.v1.PythonSpan();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.name = reader.string();
                            break;
                        }
                    case 2: {
                            message.traceId = reader.bytes();
                            break;
                        }
                    case 3: {
                            message.spanId = reader.bytes();
                            break;
                        }
                    case 4: {
                            message.parentSpanId = reader.bytes();
                            break;
                        }
                    case 5: {
                            message.kind = reader.uint32();
                            break;
                        }
                    case 6: {
                            message.startTimeUnixUs = $toNumber(reader.uint64());
                            break;
                        }
                    case 7: {
                            message.endTimeUnixUs = $toNumber(reader.uint64());
                            break;
                        }
                    case 8: {
                            message.attributesJson = reader.string();
                            break;
                        }
                    case 9: {
                            message.statusCode = reader.uint32();
                            break;
                        }
                    case 10: {
                            message.statusMessage = reader.string();
                            break;
                        }
                    case 11: {
                            if (!(message.events && message.events.length))
                                message.events = [];
                            message.events.push($root.snakepit.v1.PythonSpanEvent.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 12: {
                            message.scopeName = reader.string();
                            break;
                        }
                    case 13: {
                            message.scopeVersion = reader.string();
                            break;
                        }
                    case 14: {
                            message.droppedAttributes = reader.uint32();
                            break;
                        }
                    case 15: {
                            message.droppedEvents = reader.uint32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes a PythonSpan message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof snakepit.v1.PythonSpan
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {snakepit.v1.PythonSpan} PythonSpan
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PythonSpan.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Creates a PythonSpan message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof snakepit.v1.PythonSpan
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {snakepit.v1.PythonSpan} PythonSpan
             */
            PythonSpan.fromObject = function fromObject(object, long) {
                if (object instanceof $root.snakepit.v1.PythonSpan)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".snakepit.v1.PythonSpan: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.snakepit.v1.PythonSpan();
                if (object.name != null)
                    message.name = String(object.name);
                if (object.traceId != null)
                    if (typeof object.traceId === "string")
                        $util.base64.decode(object.traceId, message.traceId = $util.newBuffer($util.base64.length(object.traceId)), 0);
                    else if (object.traceId.length >= 0)
                        message.traceId = object.traceId;
                if (object.spanId != null)
                    if (typeof object.spanId === "string")
                        $util.base64.decode(object.spanId, message.spanId = $util.newBuffer($util.base64.length(object.spanId)), 0);
                    else if (object.spanId.length >= 0)
                        message.spanId = object.spanId;
                if (object.parentSpanId != null)
                    if (typeof object.parentSpanId === "string")
                        $util.base64.decode(object.parentSpanId, message.parentSpanId = $util.newBuffer($util.base64.length(object.parentSpanId)), 0);
                    else if (object.parentSpanId.length >= 0)
                        message.parentSpanId = object.parentSpanId;
                if (object.kind != null)
                    message.kind = object.kind >>> 0;
                if (object.startTimeUnixUs != null)
                    if ($util.Long)
                        message.startTimeUnixUs = $util.Long.fromValue(object.startTimeUnixUs, true);
                    else if (typeof object.startTimeUnixUs === "string")
                        message.startTimeUnixUs = parseInt(object.startTimeUnixUs, 10);
                    else if (typeof object.startTimeUnixUs === "number")
                        message.startTimeUnixUs = object.startTimeUnixUs;
                    else if (typeof object.startTimeUnixUs === "object")
                        message.startTimeUnixUs = new $util.LongBits(object.startTimeUnixUs.low >>> 0, object.startTimeUnixUs.high >>> 0).toNumber(true);
                if (object.endTimeUnixUs != null)
                    if ($util.Long)
                        message.endTimeUnixUs = $util.Long.fromValue(object.endTimeUnixUs, true);
                    else if (typeof object.endTimeUnixUs === "string")
                        message.endTimeUnixUs = parseInt(object.endTimeUnixUs, 10);
                    else if (typeof object.endTimeUnixUs === "number")
                        message.endTimeUnixUs = object.endTimeUnixUs;
                    else if (typeof object.endTimeUnixUs === "object")
                        message.endTimeUnixUs = new $util.LongBits(object.endTimeUnixUs.low >>> 0, object.endTimeUnixUs.high >>> 0).toNumber(true);
                if (object.attributesJson != null)
                    message.attributesJson = String(object.attributesJson);
                if (object.statusCode != null)
                    message.statusCode = object.statusCode >>> 0;
                if (object.statusMessage != null)
                    message.statusMessage = String(object.statusMessage);
                if (object.events) {
                    if (!Array.isArray(object.events))
                        throw TypeError(".snakepit.v1.PythonSpan.events: array expected");
                    message.events = [];
                    for (let i = 0; i < object.events.length; ++i) {
                        if (!$util.isObject(object.events[i]))
                            throw TypeError(".snakepit.v1.PythonSpan.events: object expected");
                        message.events[i] = $root.snakepit.v1.PythonSpanEvent.fromObject(object.events[i], long + 1);
                    }
                }
                if (object.scopeName != null)
                    message.scopeName = String(object.scopeName);
                if (object.scopeVersion != null)
                    message.scopeVersion = String(object.scopeVersion);
                if (object.droppedAttributes != null)
                    message.droppedAttributes = object.droppedAttributes >>> 0;
                if (object.droppedEvents != null)
                    message.droppedEvents = object.droppedEvents >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a PythonSpan message. Also converts values to other types if specified.
             * @function toObject
             * @memberof snakepit.v1.PythonSpan
             * @static
             * @param {snakepit.v1.PythonSpan} message PythonSpan
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PythonSpan.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.events = [];
                if (options.defaults) {
                    object.name = "";
                    if (options.bytes === String)
                        object.traceId = "";
                    else {
                        object.traceId = [];
                        if (options.bytes !== Array)
                            object.traceId = $util.newBuffer(object.traceId);
                    }
                    if (options.bytes === String)
                        object.spanId = "";
                    else {
                        object.spanId = [];
                        if (options.bytes !== Array)
                            object.spanId = $util.newBuffer(object.spanId);
                    }
                    if (options.bytes === String)
                        object.parentSpanId = "";
                    else {
                        object.parentSpanId = [];
                        if (options.bytes !== Array)
                            object.parentSpanId = $util.newBuffer(object.parentSpanId);
                    }
                    object.kind = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.startTimeUnixUs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.startTimeUnixUs = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.endTimeUnixUs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.endTimeUnixUs = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    object.attributesJson = "";
                    object.statusCode = 0;
                    object.statusMessage = "";
                    object.scopeName = "";
                    object.scopeVersion = "";
                    object.droppedAttributes = 0;
                    object.droppedEvents = 0;
                }
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.traceId != null && Object.hasOwnProperty.call(message, "traceId"))
                    object.traceId = options.bytes === String ? $util.base64.encode(message.traceId, 0, message.traceId.length) : options.bytes === Array ? Array.prototype.slice.call(message.traceId) : message.traceId;
                if (message.spanId != null && Object.hasOwnProperty.call(message, "spanId"))
                    object.spanId = options.bytes === String ? $util.base64.encode(message.spanId, 0, message.spanId.length) : options.bytes === Array ? Array.prototype.slice.call(message.spanId) : message.spanId;
                if (message.parentSpanId != null && Object.hasOwnProperty.call(message, "parentSpanId"))
                    object.parentSpanId = options.bytes === String ? $util.base64.encode(message.parentSpanId, 0, message.parentSpanId.length) : options.bytes === Array ? Array.prototype.slice.call(message.parentSpanId) : message.parentSpanId;
                if (message.kind != null && Object.hasOwnProperty.call(message, "kind"))
                    object.kind = message.kind;
                if (message.startTimeUnixUs != null && Object.hasOwnProperty.call(message, "startTimeUnixUs"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.startTimeUnixUs = typeof message.startTimeUnixUs === "number" ? BigInt(message.startTimeUnixUs) : $util.Long.fromBits(message.startTimeUnixUs.low >>> 0, message.startTimeUnixUs.high >>> 0, true).toBigInt();
                    else if (typeof message.startTimeUnixUs === "number")
                        object.startTimeUnixUs = options.longs === String ? String(message.startTimeUnixUs) : message.startTimeUnixUs;
                    else
                        object.startTimeUnixUs = options.longs === String ? $util.Long.prototype.toString.call(message.startTimeUnixUs) : options.longs === Number ? new $util.LongBits(message.startTimeUnixUs.low >>> 0, message.startTimeUnixUs.high >>> 0).toNumber(true) : message.startTimeUnixUs;
                if (message.endTimeUnixUs != null && Object.hasOwnProperty.call(message, "endTimeUnixUs"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.endTimeUnixUs = typeof message.endTimeUnixUs === "number" ? BigInt(message.endTimeUnixUs) : $util.Long.fromBits(message.endTimeUnixUs.low >>> 0, message.endTimeUnixUs.high >>> 0, true).toBigInt();
                    else if (typeof message.endTimeUnixUs === "number")
                        object.endTimeUnixUs = options.longs === String ? String(message.endTimeUnixUs) : message.endTimeUnixUs;
                    else
                        object.endTimeUnixUs = options.longs === String ? $util.Long.prototype.toString.call(message.endTimeUnixUs) : options.longs === Number ? new $util.LongBits(message.endTimeUnixUs.low >>> 0, message.endTimeUnixUs.high >>> 0).toNumber(true) : message.endTimeUnixUs;
                if (message.attributesJson != null && Object.hasOwnProperty.call(message, "attributesJson"))
                    object.attributesJson = message.attributesJson;
                if (message.statusCode != null && Object.hasOwnProperty.call(message, "statusCode"))
                    object.statusCode = message.statusCode;
                if (message.statusMessage != null && Object.hasOwnProperty.call(message, "statusMessage"))
                    object.statusMessage = message.statusMessage;
                if (message.events && message.events.length) {
                    object.events = [];
                    for (let j = 0; j < message.events.length; ++j)
                        object.events[j] = $root.snakepit.v1.PythonSpanEvent.toObject(message.events[j], options, q + 1);
                }
                if (message.scopeName != null && Object.hasOwnProperty.call(message, "scopeName"))
                    object.scopeName = message.scopeName;
                if (message.scopeVersion != null && Object.hasOwnProperty.call(message, "scopeVersion"))
                    object.scopeVersion = message.scopeVersion;
                if (message.droppedAttributes != null && Object.hasOwnProperty.call(message, "droppedAttributes"))
                    object.droppedAttributes = message.droppedAttributes;
                if (message.droppedEvents != null && Object.hasOwnProperty.call(message, "droppedEvents"))
                    object.droppedEvents = message.droppedEvents;
                return object;
            };

            /**
             * Converts this PythonSpan to JSON.
             * @function toJSON
             * @memberof snakepit.v1.PythonSpan
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PythonSpan.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for PythonSpan
             * @function getTypeUrl
             * @memberof snakepit.v1.PythonSpan
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            PythonSpan.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/snakepit.v1.PythonSpan";
            };

            return PythonSpan;
        })();

        v1.PythonSpanEvent = (function() {

            /**
             * Properties of a PythonSpanEvent.
             * @memberof snakepit.v1
             * @interface IPythonSpanEvent
             * @property {string|null} [name] PythonSpanEvent name
             * @property {number|null} [timeUnixUs] PythonSpanEvent timeUnixUs
             * @property {string|null} [attributesJson] PythonSpanEvent attributesJson
             */

            /**
             * Constructs a new PythonSpanEvent.
             * @memberof snakepit.v1
             * @classdesc Represents a PythonSpanEvent.
             * @implements IPythonSpanEvent
             * @constructor
             * @param {snakepit.v1.IPythonSpanEvent=} [properties] Properties to set
             */
            function PythonSpanEvent(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * PythonSpanEvent name.
             * @member {string} name
             * @memberof snakepit.v1.PythonSpanEvent
             * @instance
             */
            PythonSpanEvent.prototype.name = "";

            /**
             * PythonSpanEvent timeUnixUs.
             * @member {number} timeUnixUs
             * @memberof snakepit.v1.PythonSpanEvent
             * @instance
             */
            PythonSpanEvent.prototype.timeUnixUs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * PythonSpanEvent attributesJson.
             * @member {string} attributesJson
             * @memberof snakepit.v1.PythonSpanEvent
             * @instance
             */
            PythonSpanEvent.prototype.attributesJson = "";

            /**
             * Creates a new PythonSpanEvent instance using the specified properties.
             * @function create
             * @memberof snakepit.v1.PythonSpanEvent
             * @static
             * @param {snakepit.v1.IPythonSpanEvent=} [properties] Properties to set
             * @returns {snakepit.v1.PythonSpanEvent} PythonSpanEvent instance
             */
            PythonSpanEvent.create = function create(properties) {
                return new PythonSpanEvent(properties);
            };

            /**
             * Encodes the specified PythonSpanEvent message. Does not implicitly {@link snakepit.v1.PythonSpanEvent.verify|verify} messages.
             * @function encode
             * @memberof snakepit.v1.PythonSpanEvent
             * @static
             * @param {snakepit.v1.IPythonSpanEvent} message PythonSpanEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PythonSpanEvent.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.timeUnixUs != null && Object.hasOwnProperty.call(message, "timeUnixUs"))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.timeUnixUs);
                if (message.attributesJson != null && Object.hasOwnProperty.call(message, "attributesJson"))
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.attributesJson);
                return writer;
            };

            /**
             * Encodes the specified PythonSpanEvent message, length delimited. Does not implicitly {@link snakepit.v1.PythonSpanEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof snakepit.v1.PythonSpanEvent
             * @static
             * @param {snakepit.v1.IPythonSpanEvent} message PythonSpanEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PythonSpanEvent.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a PythonSpanEvent message from the specified reader or buffer.
             * @function decode
             * @memberof snakepit.v1.PythonSpanEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {snakepit.v1.PythonSpanEvent} PythonSpanEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PythonSpanEvent.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.snakepit.v1.PythonSpanEvent();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.name = reader.string();
                            break;
                        }
                    case 2: {
                            message.timeUnixUs = $toNumber(reader.uint64());
                            break;
                        }
                    case 3: {
                            message.attributesJson = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes a PythonSpanEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof snakepit.v1.PythonSpanEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {snakepit.v1.PythonSpanEvent} PythonSpanEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PythonSpanEvent.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Creates a PythonSpanEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof snakepit.v1.PythonSpanEvent
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {snakepit.v1.PythonSpanEvent} PythonSpanEvent
             */
            PythonSpanEvent.fromObject = function fromObject(object, long) {
                if (object instanceof $root.snakepit.v1.PythonSpanEvent)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".snakepit.v1.PythonSpanEvent: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.snakepit.v1.PythonSpanEvent();
                if (object.name != null)
                    message.name = String(object.name);
                if (object.timeUnixUs != null)
                    if ($util.Long)
                        message.timeUnixUs = $util.Long.fromValue(object.timeUnixUs, true);
                    else if (typeof object.timeUnixUs === "string")
                        message.timeUnixUs = parseInt(object.timeUnixUs, 10);
                    else if (typeof object.timeUnixUs === "number")
                        message.timeUnixUs = object.timeUnixUs;
                    else if (typeof object.timeUnixUs === "object")
                        message.timeUnixUs = new $util.LongBits(object.timeUnixUs.low >>> 0, object.timeUnixUs.high >>> 0).toNumber(true);
                if (object.attributesJson != null)
                    message.attributesJson = String(object.attributesJson);
                return message;
            };

            /**
             * Creates a plain object from a PythonSpanEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof snakepit.v1.PythonSpanEvent
             * @static
             * @param {snakepit.v1.PythonSpanEvent} message PythonSpanEvent
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PythonSpanEvent.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.name = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.timeUnixUs = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.timeUnixUs = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    object.attributesJson = "";
                }
                if (message.name != null && Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.timeUnixUs != null && Object.hasOwnProperty.call(message, "timeUnixUs"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.timeUnixUs = typeof message.timeUnixUs === "number" ? BigInt(message.timeUnixUs) : $util.Long.fromBits(message.timeUnixUs.low >>> 0, message.timeUnixUs.high >>> 0, true).toBigInt();
                    else if (typeof message.timeUnixUs === "number")
                        object.timeUnixUs = options.longs === String ? String(message.timeUnixUs) : message.timeUnixUs;
                    else
                        object.timeUnixUs = options.longs === String ? $util.Long.prototype.toString.call(message.timeUnixUs) : options.longs === Number ? new $util.LongBits(message.timeUnixUs.low >>> 0, message.timeUnixUs.high >>> 0).toNumber(true) : message.timeUnixUs;
                if (message.attributesJson != null && Object.hasOwnProperty.call(message, "attributesJson"))
                    object.attributesJson = message.attributesJson;
                return object;
            };

            /**
             * Converts this PythonSpanEvent to JSON.
             * @function toJSON
             * @memberof snakepit.v1.PythonSpanEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PythonSpanEvent.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for PythonSpanEvent
             * @function getTypeUrl
             * @memberof snakepit.v1.PythonSpanEvent
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            PythonSpanEvent.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/snakepit.v1.PythonSpanEvent";
            };

            return PythonSpanEvent;
        })();

        v1.Payload = (function() {

            /**
             * Properties of a Payload.
             * @memberof snakepit.v1
             * @interface IPayload
             * @property {Uint8Array|null} [data] Payload data
             * @property {string|null} [contentType] Payload contentType
             */

            /**
             * Constructs a new Payload.
             * @memberof snakepit.v1
             * @classdesc Represents a Payload.
             * @implements IPayload
             * @constructor
             * @param {snakepit.v1.IPayload=} [properties] Properties to set
             */
            function Payload(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Payload data.
             * @member {Uint8Array} data
             * @memberof snakepit.v1.Payload
             * @instance
             */
            Payload.prototype.data = $util.newBuffer([]);

            /**
             * Payload contentType.
             * @member {string} contentType
             * @memberof snakepit.v1.Payload
             * @instance
             */
            Payload.prototype.contentType = "";

            /**
             * Creates a new Payload instance using the specified properties.
             * @function create
             * @memberof snakepit.v1.Payload
             * @static
             * @param {snakepit.v1.IPayload=} [properties] Properties to set
             * @returns {snakepit.v1.Payload} Payload instance
             */
            Payload.create = function create(properties) {
                return new Payload(properties);
            };

            /**
             * Encodes the specified Payload message. Does not implicitly {@link snakepit.v1.Payload.verify|verify} messages.
             * @function encode
             * @memberof snakepit.v1.Payload
             * @static
             * @param {snakepit.v1.IPayload} message Payload message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Payload.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.data != null && Object.hasOwnProperty.call(message, "data"))
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.data);
                if (message.contentType != null && Object.hasOwnProperty.call(message, "contentType"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.contentType);
                return writer;
            };

            /**
             * Encodes the specified Payload message, length delimited. Does not implicitly {@link snakepit.v1.Payload.verify|verify} messages.
             * @function encodeDelimited
             * @memberof snakepit.v1.Payload
             * @static
             * @param {snakepit.v1.IPayload} message Payload message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Payload.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a Payload message from the specified reader or buffer.
             * @function decode
             * @memberof snakepit.v1.Payload
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {snakepit.v1.Payload} Payload
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Payload.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.snakepit.v1.Payload();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.data = reader.bytes();
                            break;
                        }
                    case 2: {
                            message.contentType = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes a Payload message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof snakepit.v1.Payload
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {snakepit.v1.Payload} Payload
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Payload.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Creates a Payload message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof snakepit.v1.Payload
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {snakepit.v1.Payload} Payload
             */
            Payload.fromObject = function fromObject(object, long) {
                if (object instanceof $root.snakepit.v1.Payload)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".snakepit.v1.Payload: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.snakepit.v1.Payload();
                if (object.data != null)
                    if (typeof object.data === "string")
                        $util.base64.decode(object.data, message.data = $util.newBuffer($util.base64.length(object.data)), 0);
                    else if (object.data.length >= 0)
                        message.data = object.data;
                if (object.contentType != null)
                    message.contentType = String(object.contentType);
                return message;
            };

            /**
             * Creates a plain object from a Payload message. Also converts values to other types if specified.
             * @function toObject
             * @memberof snakepit.v1.Payload
             * @static
             * @param {snakepit.v1.Payload} message Payload
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Payload.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if (options.bytes === String)
                        object.data = "";
                    else {
                        object.data = [];
                        if (options.bytes !== Array)
                            object.data = $util.newBuffer(object.data);
                    }
                    object.contentType = "";
                }
                if (message.data != null && Object.hasOwnProperty.call(message, "data"))
                    object.data = options.bytes === String ? $util.base64.encode(message.data, 0, message.data.length) : options.bytes === Array ? Array.prototype.slice.call(message.data) : message.data;
                if (message.contentType != null && Object.hasOwnProperty.call(message, "contentType"))
                    object.contentType = message.contentType;
                return object;
            };

            /**
             * Converts this Payload to JSON.
             * @function toJSON
             * @memberof snakepit.v1.Payload
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Payload.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for Payload
             * @function getTypeUrl
             * @memberof snakepit.v1.Payload
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Payload.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/snakepit.v1.Payload";
            };

            return Payload;
        })();

        v1.StreamChunk = (function() {

            /**
             * Properties of a StreamChunk.
             * @memberof snakepit.v1
             * @interface IStreamChunk
             * @property {snakepit.v1.IPayload|null} [data] StreamChunk data
             * @property {snakepit.v1.IPythonError|null} [error] StreamChunk error
             * @property {number|null} [index] StreamChunk index
             */

            /**
             * Constructs a new StreamChunk.
             * @memberof snakepit.v1
             * @classdesc Represents a StreamChunk.
             * @implements IStreamChunk
             * @constructor
             * @param {snakepit.v1.IStreamChunk=} [properties] Properties to set
             */
            function StreamChunk(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * StreamChunk data.
             * @member {snakepit.v1.IPayload|null|undefined} data
             * @memberof snakepit.v1.StreamChunk
             * @instance
             */
            StreamChunk.prototype.data = null;

            /**
             * StreamChunk error.
             * @member {snakepit.v1.IPythonError|null|undefined} error
             * @memberof snakepit.v1.StreamChunk
             * @instance
             */
            StreamChunk.prototype.error = null;

            /**
             * StreamChunk index.
             * @member {number} index
             * @memberof snakepit.v1.StreamChunk
             * @instance
             */
            StreamChunk.prototype.index = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * StreamChunk body.
             * @member {"data"|"error"|undefined} body
             * @memberof snakepit.v1.StreamChunk
             * @instance
             */
            Object.defineProperty(StreamChunk.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["data", "error"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new StreamChunk instance using the specified properties.
             * @function create
             * @memberof snakepit.v1.StreamChunk
             * @static
             * @param {snakepit.v1.IStreamChunk=} [properties] Properties to set
             * @returns {snakepit.v1.StreamChunk} StreamChunk instance
             */
            StreamChunk.create = function create(properties) {
                return new StreamChunk(properties);
            };

            /**
             * Encodes the specified StreamChunk message. Does not implicitly {@link snakepit.v1.StreamChunk.verify|verify} messages.
             * @function encode
             * @memberof snakepit.v1.StreamChunk
             * @static
             * @param {snakepit.v1.IStreamChunk} message StreamChunk message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StreamChunk.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.data != null && Object.hasOwnProperty.call(message, "data"))
                    $root.snakepit.v1.Payload.encode(message.data, writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (message.error != null && Object.hasOwnProperty.call(message, "error"))
                    $root.snakepit.v1.PythonError.encode(message.error, writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (message.index != null && Object.hasOwnProperty.call(message, "index"))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.index);
                return writer;
            };

            /**
             * Encodes the specified StreamChunk message, length delimited. Does not implicitly {@link snakepit.v1.StreamChunk.verify|verify} messages.
             * @function encodeDelimited
             * @memberof snakepit.v1.StreamChunk
             * @static
             * @param {snakepit.v1.IStreamChunk} message StreamChunk message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StreamChunk.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a StreamChunk message from the specified reader or buffer.
             * @function decode
             * @memberof snakepit.v1.StreamChunk
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {snakepit.v1.StreamChunk} StreamChunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StreamChunk.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.snakepit.v1.StreamChunk();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.data = $root.snakepit.v1.Payload.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 2: {
                            message.error = $root.snakepit.v1.PythonError.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 3: {
                            message.index = $toNumber(reader.uint64());
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes a StreamChunk message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof snakepit.v1.StreamChunk
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {snakepit.v1.StreamChunk} StreamChunk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StreamChunk.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Creates a StreamChunk message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof snakepit.v1.StreamChunk
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {snakepit.v1.StreamChunk} StreamChunk
             */
            StreamChunk.fromObject = function fromObject(object, long) {
                if (object instanceof $root.snakepit.v1.StreamChunk)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".snakepit.v1.StreamChunk: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.snakepit.v1.StreamChunk();
                if (object.data != null) {
                    if (!$util.isObject(object.data))
                        throw TypeError(".snakepit.v1.StreamChunk.data: object expected");
                    message.data = $root.snakepit.v1.Payload.fromObject(object.data, long + 1);
                }
                if (object.error != null) {
                    if (!$util.isObject(object.error))
                        throw TypeError(".snakepit.v1.StreamChunk.error: object expected");
                    message.error = $root.snakepit.v1.PythonError.fromObject(object.error, long + 1);
                }
                if (object.index != null)
                    if ($util.Long)
                        message.index = $util.Long.fromValue(object.index, true);
                    else if (typeof object.index === "string")
                        message.index = parseInt(object.index, 10);
                    else if (typeof object.index === "number")
                        message.index = object.index;
                    else if (typeof object.index === "object")
                        message.index = new $util.LongBits(object.index.low >>> 0, object.index.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a StreamChunk message. Also converts values to other types if specified.
             * @function toObject
             * @memberof snakepit.v1.StreamChunk
             * @static
             * @param {snakepit.v1.StreamChunk} message StreamChunk
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            StreamChunk.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.index = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.index = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                if (message.data != null && Object.hasOwnProperty.call(message, "data")) {
                    object.data = $root.snakepit.v1.Payload.toObject(message.data, options, q + 1);
                    if (options.oneofs)
                        object.body = "data";
                }
                if (message.error != null && Object.hasOwnProperty.call(message, "error")) {
                    object.error = $root.snakepit.v1.PythonError.toObject(message.error, options, q + 1);
                    if (options.oneofs)
                        object.body = "error";
                }
                if (message.index != null && Object.hasOwnProperty.call(message, "index"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.index = typeof message.index === "number" ? BigInt(message.index) : $util.Long.fromBits(message.index.low >>> 0, message.index.high >>> 0, true).toBigInt();
                    else if (typeof message.index === "number")
                        object.index = options.longs === String ? String(message.index) : message.index;
                    else
                        object.index = options.longs === String ? $util.Long.prototype.toString.call(message.index) : options.longs === Number ? new $util.LongBits(message.index.low >>> 0, message.index.high >>> 0).toNumber(true) : message.index;
                return object;
            };

            /**
             * Converts this StreamChunk to JSON.
             * @function toJSON
             * @memberof snakepit.v1.StreamChunk
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            StreamChunk.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for StreamChunk
             * @function getTypeUrl
             * @memberof snakepit.v1.StreamChunk
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            StreamChunk.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/snakepit.v1.StreamChunk";
            };

            return StreamChunk;
        })();

        v1.DataFrame = (function() {

            /**
             * Properties of a DataFrame.
             * @memberof snakepit.v1
             * @interface IDataFrame
             * @property {number|null} [callId] DataFrame callId
             * @property {snakepit.v1.IExecuteRequest|null} [execute] DataFrame execute
             * @property {snakepit.v1.IExecuteRequest|null} [stream] DataFrame stream
             * @property {snakepit.v1.ICancel|null} [cancel] DataFrame cancel
             * @property {snakepit.v1.IExecuteResponse|null} [response] DataFrame response
             * @property {snakepit.v1.IStreamChunk|null} [chunk] DataFrame chunk
             * @property {snakepit.v1.IStreamEnd|null} [end] DataFrame end
             * @property {snakepit.v1.ITransportError|null} [error] DataFrame error
             * @property {snakepit.v1.IStreamCredit|null} [credit] DataFrame credit
             * @property {number|null} [payloadBytes] DataFrame payloadBytes
             * @property {number|null} [streamWindow] DataFrame streamWindow
             */

            /**
             * Constructs a new DataFrame.
             * @memberof snakepit.v1
             * @classdesc Represents a DataFrame.
             * @implements IDataFrame
             * @constructor
             * @param {snakepit.v1.IDataFrame=} [properties] Properties to set
             */
            function DataFrame(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * DataFrame callId.
             * @member {number} callId
             * @memberof snakepit.v1.DataFrame
             * @instance
             */
            DataFrame.prototype.callId = 0;

            /**
             * DataFrame execute.
             * @member {snakepit.v1.IExecuteRequest|null|undefined} execute
             * @memberof snakepit.v1.DataFrame
             * @instance
             */
            DataFrame.prototype.execute = null;

            /**
             * DataFrame stream.
             * @member {snakepit.v1.IExecuteRequest|null|undefined} stream
             * @memberof snakepit.v1.DataFrame
             * @instance
             */
            DataFrame.prototype.stream = null;

            /**
             * DataFrame cancel.
             * @member {snakepit.v1.ICancel|null|undefined} cancel
             * @memberof snakepit.v1.DataFrame
             * @instance
             */
            DataFrame.prototype.cancel = null;

            /**
             * DataFrame response.
             * @member {snakepit.v1.IExecuteResponse|null|undefined} response
             * @memberof snakepit.v1.DataFrame
             * @instance
             */
            DataFrame.prototype.response = null;

            /**
             * DataFrame chunk.
             * @member {snakepit.v1.IStreamChunk|null|undefined} chunk
             * @memberof snakepit.v1.DataFrame
             * @instance
             */
            DataFrame.prototype.chunk = null;

            /**
             * DataFrame end.
             * @member {snakepit.v1.IStreamEnd|null|undefined} end
             * @memberof snakepit.v1.DataFrame
             * @instance
             */
            DataFrame.prototype.end = null;

            /**
             * DataFrame error.
             * @member {snakepit.v1.ITransportError|null|undefined} error
             * @memberof snakepit.v1.DataFrame
             * @instance
             */
            DataFrame.prototype.error = null;

            /**
             * DataFrame credit.
             * @member {snakepit.v1.IStreamCredit|null|undefined} credit
             * @memberof snakepit.v1.DataFrame
             * @instance
             */
            DataFrame.prototype.credit = null;

            /**
             * DataFrame payloadBytes.
             * @member {number} payloadBytes
             * @memberof snakepit.v1.DataFrame
             * @instance
             */
            DataFrame.prototype.payloadBytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * DataFrame streamWindow.
             * @member {number} streamWindow
             * @memberof snakepit.v1.DataFrame
             * @instance
             */
            DataFrame.prototype.streamWindow = 0;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * DataFrame body.
             * @member {"execute"|"stream"|"cancel"|"response"|"chunk"|"end"|"error"|"credit"|undefined} body
             * @memberof snakepit.v1.DataFrame
             * @instance
             */
            Object.defineProperty(DataFrame.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["execute", "stream", "cancel", "response", "chunk", "end", "error", "credit"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new DataFrame instance using the specified properties.
             * @function create
             * @memberof snakepit.v1.DataFrame
             * @static
             * @param {snakepit.v1.IDataFrame=} [properties] Properties to set
             * @returns {snakepit.v1.DataFrame} DataFrame instance
             */
            DataFrame.create = function create(properties) {
                return new DataFrame(properties);
            };

            /**
             * Encodes the specified DataFrame message. Does not implicitly {@link snakepit.v1.DataFrame.verify|verify} messages.
             * @function encode
             * @memberof snakepit.v1.DataFrame
             * @static
             * @param {snakepit.v1.IDataFrame} message DataFrame message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DataFrame.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.callId != null && Object.hasOwnProperty.call(message, "callId"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.callId);
                if (message.execute != null && Object.hasOwnProperty.call(message, "execute"))
                    $root.snakepit.v1.ExecuteRequest.encode(message.execute, writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (message.stream != null && Object.hasOwnProperty.call(message, "stream"))
                    $root.snakepit.v1.ExecuteRequest.encode(message.stream, writer.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (message.cancel != null && Object.hasOwnProperty.call(message, "cancel"))
                    $root.snakepit.v1.Cancel.encode(message.cancel, writer.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                if (message.response != null && Object.hasOwnProperty.call(message, "response"))
                    $root.snakepit.v1.ExecuteResponse.encode(message.response, writer.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                if (message.chunk != null && Object.hasOwnProperty.call(message, "chunk"))
                    $root.snakepit.v1.StreamChunk.encode(message.chunk, writer.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
                if (message.end != null && Object.hasOwnProperty.call(message, "end"))
                    $root.snakepit.v1.StreamEnd.encode(message.end, writer.uint32(/* id 7, wireType 2 =*/58).fork(), q + 1).ldelim();
                if (message.error != null && Object.hasOwnProperty.call(message, "error"))
                    $root.snakepit.v1.TransportError.encode(message.error, writer.uint32(/* id 8, wireType 2 =*/66).fork(), q + 1).ldelim();
                if (message.payloadBytes != null && Object.hasOwnProperty.call(message, "payloadBytes"))
                    writer.uint32(/* id 9, wireType 0 =*/72).uint64(message.payloadBytes);
                if (message.credit != null && Object.hasOwnProperty.call(message, "credit"))
                    $root.snakepit.v1.StreamCredit.encode(message.credit, writer.uint32(/* id 10, wireType 2 =*/82).fork(), q + 1).ldelim();
                if (message.streamWindow != null && Object.hasOwnProperty.call(message, "streamWindow"))
                    writer.uint32(/* id 11, wireType 0 =*/88).uint32(message.streamWindow);
                return writer;
            };

            /**
             * Encodes the specified DataFrame message, length delimited. Does not implicitly {@link snakepit.v1.DataFrame.verify|verify} messages.
             * @function encodeDelimited
             * @memberof snakepit.v1.DataFrame
             * @static
             * @param {snakepit.v1.IDataFrame} message DataFrame message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DataFrame.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a DataFrame message from the specified reader or buffer.
             * @function decode
             * @memberof snakepit.v1.DataFrame
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {snakepit.v1.DataFrame} DataFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DataFrame.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.snakepit.v1.DataFrame();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.callId = reader.uint32();
                            break;
                        }
                    case 2: {
                            message.execute = $root.snakepit.v1.ExecuteRequest.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 3: {
                            message.stream = $root.snakepit.v1.ExecuteRequest.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 4: {
                            message.cancel = $root.snakepit.v1.Cancel.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 5: {
                            message.response = $root.snakepit.v1.ExecuteResponse.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 6: {
                            message.chunk = $root.snakepit.v1.StreamChunk.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 7: {
                            message.end = $root.snakepit.v1.StreamEnd.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 8: {
                            message.error = $root.snakepit.v1.TransportError.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 10: {
                            message.credit = $root.snakepit.v1.StreamCredit.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 9: {
                            message.payloadBytes = $toNumber(reader.uint64());
                            break;
                        }
                    case 11: {
                            message.streamWindow = reader.uint32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes a DataFrame message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof snakepit.v1.DataFrame
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {snakepit.v1.DataFrame} DataFrame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DataFrame.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Creates a DataFrame message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof snakepit.v1.DataFrame
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {snakepit.v1.DataFrame} DataFrame
             */
            DataFrame.fromObject = function fromObject(object, long) {
                if (object instanceof $root.snakepit.v1.DataFrame)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".snakepit.v1.DataFrame: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.snakepit.v1.DataFrame();
                if (object.callId != null)
                    message.callId = object.callId >>> 0;
                if (object.execute != null) {
                    if (!$util.isObject(object.execute))
                        throw TypeError(".snakepit.v1.DataFrame.execute: object expected");
                    message.execute = $root.snakepit.v1.ExecuteRequest.fromObject(object.execute, long + 1);
                }
                if (object.stream != null) {
                    if (!$util.isObject(object.stream))
                        throw TypeError(".snakepit.v1.DataFrame.stream: object expected");
                    message.stream = $root.snakepit.v1.ExecuteRequest.fromObject(object.stream, long + 1);
                }
                if (object.cancel != null) {
                    if (!$util.isObject(object.cancel))
                        throw TypeError(".snakepit.v1.DataFrame.cancel: object expected");
                    message.cancel = $root.snakepit.v1.Cancel.fromObject(object.cancel, long + 1);
                }
                if (object.response != null) {
                    if (!$util.isObject(object.response))
                        throw TypeError(".snakepit.v1.DataFrame.response: object expected");
                    message.response = $root.snakepit.v1.ExecuteResponse.fromObject(object.response, long + 1);
                }
                if (object.chunk != null) {
                    if (!$util.isObject(object.chunk))
                        throw TypeError(".snakepit.v1.DataFrame.chunk: object expected");
                    message.chunk = $root.snakepit.v1.StreamChunk.fromObject(object.chunk, long + 1);
                }
                if (object.end != null) {
                    if (!$util.isObject(object.end))
                        throw TypeError(".snakepit.v1.DataFrame.end: object expected");
                    message.end = $root.snakepit.v1.StreamEnd.fromObject(object.end, long + 1);
                }
                if (object.error != null) {
                    if (!$util.isObject(object.error))
                        throw TypeError(".snakepit.v1.DataFrame.error: object expected");
                    message.error = $root.snakepit.v1.TransportError.fromObject(object.error, long + 1);
                }
                if (object.credit != null) {
                    if (!$util.isObject(object.credit))
                        throw TypeError(".snakepit.v1.DataFrame.credit: object expected");
                    message.credit = $root.snakepit.v1.StreamCredit.fromObject(object.credit, long + 1);
                }
                if (object.payloadBytes != null)
                    if ($util.Long)
                        message.payloadBytes = $util.Long.fromValue(object.payloadBytes, true);
                    else if (typeof object.payloadBytes === "string")
                        message.payloadBytes = parseInt(object.payloadBytes, 10);
                    else if (typeof object.payloadBytes === "number")
                        message.payloadBytes = object.payloadBytes;
                    else if (typeof object.payloadBytes === "object")
                        message.payloadBytes = new $util.LongBits(object.payloadBytes.low >>> 0, object.payloadBytes.high >>> 0).toNumber(true);
                if (object.streamWindow != null)
                    message.streamWindow = object.streamWindow >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a DataFrame message. Also converts values to other types if specified.
             * @function toObject
             * @memberof snakepit.v1.DataFrame
             * @static
             * @param {snakepit.v1.DataFrame} message DataFrame
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DataFrame.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.callId = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.payloadBytes = options.longs === String ? long.toString() : options.longs === Number ? long.toNumber() : typeof BigInt !== "undefined" && options.longs === BigInt ? long.toBigInt() : long;
                    } else
                        object.payloadBytes = options.longs === String ? "0" : typeof BigInt !== "undefined" && options.longs === BigInt ? BigInt("0") : 0;
                    object.streamWindow = 0;
                }
                if (message.callId != null && Object.hasOwnProperty.call(message, "callId"))
                    object.callId = message.callId;
                if (message.execute != null && Object.hasOwnProperty.call(message, "execute")) {
                    object.execute = $root.snakepit.v1.ExecuteRequest.toObject(message.execute, options, q + 1);
                    if (options.oneofs)
                        object.body = "execute";
                }
                if (message.stream != null && Object.hasOwnProperty.call(message, "stream")) {
                    object.stream = $root.snakepit.v1.ExecuteRequest.toObject(message.stream, options, q + 1);
                    if (options.oneofs)
                        object.body = "stream";
                }
                if (message.cancel != null && Object.hasOwnProperty.call(message, "cancel")) {
                    object.cancel = $root.snakepit.v1.Cancel.toObject(message.cancel, options, q + 1);
                    if (options.oneofs)
                        object.body = "cancel";
                }
                if (message.response != null && Object.hasOwnProperty.call(message, "response")) {
                    object.response = $root.snakepit.v1.ExecuteResponse.toObject(message.response, options, q + 1);
                    if (options.oneofs)
                        object.body = "response";
                }
                if (message.chunk != null && Object.hasOwnProperty.call(message, "chunk")) {
                    object.chunk = $root.snakepit.v1.StreamChunk.toObject(message.chunk, options, q + 1);
                    if (options.oneofs)
                        object.body = "chunk";
                }
                if (message.end != null && Object.hasOwnProperty.call(message, "end")) {
                    object.end = $root.snakepit.v1.StreamEnd.toObject(message.end, options, q + 1);
                    if (options.oneofs)
                        object.body = "end";
                }
                if (message.error != null && Object.hasOwnProperty.call(message, "error")) {
                    object.error = $root.snakepit.v1.TransportError.toObject(message.error, options, q + 1);
                    if (options.oneofs)
                        object.body = "error";
                }
                if (message.payloadBytes != null && Object.hasOwnProperty.call(message, "payloadBytes"))
                    if (typeof BigInt !== "undefined" && options.longs === BigInt)
                        object.payloadBytes = typeof message.payloadBytes === "number" ? BigInt(message.payloadBytes) : $util.Long.fromBits(message.payloadBytes.low >>> 0, message.payloadBytes.high >>> 0, true).toBigInt();
                    else if (typeof message.payloadBytes === "number")
                        object.payloadBytes = options.longs === String ? String(message.payloadBytes) : message.payloadBytes;
                    else
                        object.payloadBytes = options.longs === String ? $util.Long.prototype.toString.call(message.payloadBytes) : options.longs === Number ? new $util.LongBits(message.payloadBytes.low >>> 0, message.payloadBytes.high >>> 0).toNumber(true) : message.payloadBytes;
                if (message.credit != null && Object.hasOwnProperty.call(message, "credit")) {
                    object.credit = $root.snakepit.v1.StreamCredit.toObject(message.credit, options, q + 1);
                    if (options.oneofs)
                        object.body = "credit";
                }
                if (message.streamWindow != null && Object.hasOwnProperty.call(message, "streamWindow"))
                    object.streamWindow = message.streamWindow;
                return object;
            };

            /**
             * Converts this DataFrame to JSON.
             * @function toJSON
             * @memberof snakepit.v1.DataFrame
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DataFrame.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for DataFrame
             * @function getTypeUrl
             * @memberof snakepit.v1.DataFrame
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            DataFrame.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/snakepit.v1.DataFrame";
            };

            return DataFrame;
        })();

        v1.Cancel = (function() {

            /**
             * Properties of a Cancel.
             * @memberof snakepit.v1
             * @interface ICancel
             */

            /**
             * Constructs a new Cancel.
             * @memberof snakepit.v1
             * @classdesc Represents a Cancel.
             * @implements ICancel
             * @constructor
             * @param {snakepit.v1.ICancel=} [properties] Properties to set
             */
            function Cancel(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Creates a new Cancel instance using the specified properties.
             * @function create
             * @memberof snakepit.v1.Cancel
             * @static
             * @param {snakepit.v1.ICancel=} [properties] Properties to set
             * @returns {snakepit.v1.Cancel} Cancel instance
             */
            Cancel.create = function create(properties) {
                return new Cancel(properties);
            };

            /**
             * Encodes the specified Cancel message. Does not implicitly {@link snakepit.v1.Cancel.verify|verify} messages.
             * @function encode
             * @memberof snakepit.v1.Cancel
             * @static
             * @param {snakepit.v1.ICancel} message Cancel message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Cancel.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                return writer;
            };

            /**
             * Encodes the specified Cancel message, length delimited. Does not implicitly {@link snakepit.v1.Cancel.verify|verify} messages.
             * @function encodeDelimited
             * @memberof snakepit.v1.Cancel
             * @static
             * @param {snakepit.v1.ICancel} message Cancel message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Cancel.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a Cancel message from the specified reader or buffer.
             * @function decode
             * @memberof snakepit.v1.Cancel
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {snakepit.v1.Cancel} Cancel
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Cancel.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.snakepit.v1.Cancel();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes a Cancel message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof snakepit.v1.Cancel
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {snakepit.v1.Cancel} Cancel
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Cancel.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Creates a Cancel message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof snakepit.v1.Cancel
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {snakepit.v1.Cancel} Cancel
             */
            Cancel.fromObject = function fromObject(object, long) {
                if (object instanceof $root.snakepit.v1.Cancel)
                    return object;
                return new $root.snakepit.v1.Cancel();
            };

            /**
             * Creates a plain object from a Cancel message. Also converts values to other types if specified.
             * @function toObject
             * @memberof snakepit.v1.Cancel
             * @static
             * @param {snakepit.v1.Cancel} message Cancel
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Cancel.toObject = function toObject() {
                return {};
            };

            /**
             * Converts this Cancel to JSON.
             * @function toJSON
             * @memberof snakepit.v1.Cancel
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Cancel.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for Cancel
             * @function getTypeUrl
             * @memberof snakepit.v1.Cancel
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Cancel.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/snakepit.v1.Cancel";
            };

            return Cancel;
        })();

        v1.StreamEnd = (function() {

            /**
             * Properties of a StreamEnd.
             * @memberof snakepit.v1
             * @interface IStreamEnd
             */

            /**
             * Constructs a new StreamEnd.
             * @memberof snakepit.v1
             * @classdesc Represents a StreamEnd.
             * @implements IStreamEnd
             * @constructor
             * @param {snakepit.v1.IStreamEnd=} [properties] Properties to set
             */
            function StreamEnd(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Creates a new StreamEnd instance using the specified properties.
             * @function create
             * @memberof snakepit.v1.StreamEnd
             * @static
             * @param {snakepit.v1.IStreamEnd=} [properties] Properties to set
             * @returns {snakepit.v1.StreamEnd} StreamEnd instance
             */
            StreamEnd.create = function create(properties) {
                return new StreamEnd(properties);
            };

            /**
             * Encodes the specified StreamEnd message. Does not implicitly {@link snakepit.v1.StreamEnd.verify|verify} messages.
             * @function encode
             * @memberof snakepit.v1.StreamEnd
             * @static
             * @param {snakepit.v1.IStreamEnd} message StreamEnd message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StreamEnd.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                return writer;
            };

            /**
             * Encodes the specified StreamEnd message, length delimited. Does not implicitly {@link snakepit.v1.StreamEnd.verify|verify} messages.
             * @function encodeDelimited
             * @memberof snakepit.v1.StreamEnd
             * @static
             * @param {snakepit.v1.IStreamEnd} message StreamEnd message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StreamEnd.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a StreamEnd message from the specified reader or buffer.
             * @function decode
             * @memberof snakepit.v1.StreamEnd
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {snakepit.v1.StreamEnd} StreamEnd
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StreamEnd.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.snakepit.v1.StreamEnd();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes a StreamEnd message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof snakepit.v1.StreamEnd
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {snakepit.v1.StreamEnd} StreamEnd
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StreamEnd.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Creates a StreamEnd message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof snakepit.v1.StreamEnd
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {snakepit.v1.StreamEnd} StreamEnd
             */
            StreamEnd.fromObject = function fromObject(object, long) {
                if (object instanceof $root.snakepit.v1.StreamEnd)
                    return object;
                return new $root.snakepit.v1.StreamEnd();
            };

            /**
             * Creates a plain object from a StreamEnd message. Also converts values to other types if specified.
             * @function toObject
             * @memberof snakepit.v1.StreamEnd
             * @static
             * @param {snakepit.v1.StreamEnd} message StreamEnd
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            StreamEnd.toObject = function toObject() {
                return {};
            };

            /**
             * Converts this StreamEnd to JSON.
             * @function toJSON
             * @memberof snakepit.v1.StreamEnd
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            StreamEnd.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for StreamEnd
             * @function getTypeUrl
             * @memberof snakepit.v1.StreamEnd
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            StreamEnd.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/snakepit.v1.StreamEnd";
            };

            return StreamEnd;
        })();

        v1.StreamCredit = (function() {

            /**
             * Properties of a StreamCredit.
             * @memberof snakepit.v1
             * @interface IStreamCredit
             * @property {number|null} [items] StreamCredit items
             */

            /**
             * Constructs a new StreamCredit.
             * @memberof snakepit.v1
             * @classdesc Represents a StreamCredit.
             * @implements IStreamCredit
             * @constructor
             * @param {snakepit.v1.IStreamCredit=} [properties] Properties to set
             */
            function StreamCredit(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * StreamCredit items.
             * @member {number} items
             * @memberof snakepit.v1.StreamCredit
             * @instance
             */
            StreamCredit.prototype.items = 0;

            /**
             * Creates a new StreamCredit instance using the specified properties.
             * @function create
             * @memberof snakepit.v1.StreamCredit
             * @static
             * @param {snakepit.v1.IStreamCredit=} [properties] Properties to set
             * @returns {snakepit.v1.StreamCredit} StreamCredit instance
             */
            StreamCredit.create = function create(properties) {
                return new StreamCredit(properties);
            };

            /**
             * Encodes the specified StreamCredit message. Does not implicitly {@link snakepit.v1.StreamCredit.verify|verify} messages.
             * @function encode
             * @memberof snakepit.v1.StreamCredit
             * @static
             * @param {snakepit.v1.IStreamCredit} message StreamCredit message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StreamCredit.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.items != null && Object.hasOwnProperty.call(message, "items"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.items);
                return writer;
            };

            /**
             * Encodes the specified StreamCredit message, length delimited. Does not implicitly {@link snakepit.v1.StreamCredit.verify|verify} messages.
             * @function encodeDelimited
             * @memberof snakepit.v1.StreamCredit
             * @static
             * @param {snakepit.v1.IStreamCredit} message StreamCredit message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StreamCredit.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a StreamCredit message from the specified reader or buffer.
             * @function decode
             * @memberof snakepit.v1.StreamCredit
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {snakepit.v1.StreamCredit} StreamCredit
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StreamCredit.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.snakepit.v1.StreamCredit();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.items = reader.uint32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes a StreamCredit message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof snakepit.v1.StreamCredit
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {snakepit.v1.StreamCredit} StreamCredit
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StreamCredit.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Creates a StreamCredit message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof snakepit.v1.StreamCredit
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {snakepit.v1.StreamCredit} StreamCredit
             */
            StreamCredit.fromObject = function fromObject(object, long) {
                if (object instanceof $root.snakepit.v1.StreamCredit)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".snakepit.v1.StreamCredit: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.snakepit.v1.StreamCredit();
                if (object.items != null)
                    message.items = object.items >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a StreamCredit message. Also converts values to other types if specified.
             * @function toObject
             * @memberof snakepit.v1.StreamCredit
             * @static
             * @param {snakepit.v1.StreamCredit} message StreamCredit
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            StreamCredit.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.items = 0;
                if (message.items != null && Object.hasOwnProperty.call(message, "items"))
                    object.items = message.items;
                return object;
            };

            /**
             * Converts this StreamCredit to JSON.
             * @function toJSON
             * @memberof snakepit.v1.StreamCredit
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            StreamCredit.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for StreamCredit
             * @function getTypeUrl
             * @memberof snakepit.v1.StreamCredit
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            StreamCredit.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/snakepit.v1.StreamCredit";
            };

            return StreamCredit;
        })();

        v1.TransportError = (function() {

            /**
             * Properties of a TransportError.
             * @memberof snakepit.v1
             * @interface ITransportError
             * @property {string|null} [code] TransportError code
             * @property {string|null} [message] TransportError message
             */

            /**
             * Constructs a new TransportError.
             * @memberof snakepit.v1
             * @classdesc Represents a TransportError.
             * @implements ITransportError
             * @constructor
             * @param {snakepit.v1.ITransportError=} [properties] Properties to set
             */
            function TransportError(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * TransportError code.
             * @member {string} code
             * @memberof snakepit.v1.TransportError
             * @instance
             */
            TransportError.prototype.code = "";

            /**
             * TransportError message.
             * @member {string} message
             * @memberof snakepit.v1.TransportError
             * @instance
             */
            TransportError.prototype.message = "";

            /**
             * Creates a new TransportError instance using the specified properties.
             * @function create
             * @memberof snakepit.v1.TransportError
             * @static
             * @param {snakepit.v1.ITransportError=} [properties] Properties to set
             * @returns {snakepit.v1.TransportError} TransportError instance
             */
            TransportError.create = function create(properties) {
                return new TransportError(properties);
            };

            /**
             * Encodes the specified TransportError message. Does not implicitly {@link snakepit.v1.TransportError.verify|verify} messages.
             * @function encode
             * @memberof snakepit.v1.TransportError
             * @static
             * @param {snakepit.v1.ITransportError} message TransportError message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TransportError.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.code != null && Object.hasOwnProperty.call(message, "code"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.code);
                if (message.message != null && Object.hasOwnProperty.call(message, "message"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
                return writer;
            };

            /**
             * Encodes the specified TransportError message, length delimited. Does not implicitly {@link snakepit.v1.TransportError.verify|verify} messages.
             * @function encodeDelimited
             * @memberof snakepit.v1.TransportError
             * @static
             * @param {snakepit.v1.ITransportError} message TransportError message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TransportError.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a TransportError message from the specified reader or buffer.
             * @function decode
             * @memberof snakepit.v1.TransportError
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {snakepit.v1.TransportError} TransportError
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TransportError.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.snakepit.v1.TransportError();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.code = reader.string();
                            break;
                        }
                    case 2: {
                            message.message = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes a TransportError message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof snakepit.v1.TransportError
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {snakepit.v1.TransportError} TransportError
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TransportError.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Creates a TransportError message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof snakepit.v1.TransportError
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {snakepit.v1.TransportError} TransportError
             */
            TransportError.fromObject = function fromObject(object, long) {
                if (object instanceof $root.snakepit.v1.TransportError)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".snakepit.v1.TransportError: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.snakepit.v1.TransportError();
                if (object.code != null)
                    message.code = String(object.code);
                if (object.message != null)
                    message.message = String(object.message);
                return message;
            };

            /**
             * Creates a plain object from a TransportError message. Also converts values to other types if specified.
             * @function toObject
             * @memberof snakepit.v1.TransportError
             * @static
             * @param {snakepit.v1.TransportError} message TransportError
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            TransportError.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.code = "";
                    object.message = "";
                }
                if (message.code != null && Object.hasOwnProperty.call(message, "code"))
                    object.code = message.code;
                if (message.message != null && Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                return object;
            };

            /**
             * Converts this TransportError to JSON.
             * @function toJSON
             * @memberof snakepit.v1.TransportError
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            TransportError.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for TransportError
             * @function getTypeUrl
             * @memberof snakepit.v1.TransportError
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            TransportError.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/snakepit.v1.TransportError";
            };

            return TransportError;
        })();

        v1.HealthRequest = (function() {

            /**
             * Properties of a HealthRequest.
             * @memberof snakepit.v1
             * @interface IHealthRequest
             */

            /**
             * Constructs a new HealthRequest.
             * @memberof snakepit.v1
             * @classdesc Represents a HealthRequest.
             * @implements IHealthRequest
             * @constructor
             * @param {snakepit.v1.IHealthRequest=} [properties] Properties to set
             */
            function HealthRequest(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Creates a new HealthRequest instance using the specified properties.
             * @function create
             * @memberof snakepit.v1.HealthRequest
             * @static
             * @param {snakepit.v1.IHealthRequest=} [properties] Properties to set
             * @returns {snakepit.v1.HealthRequest} HealthRequest instance
             */
            HealthRequest.create = function create(properties) {
                return new HealthRequest(properties);
            };

            /**
             * Encodes the specified HealthRequest message. Does not implicitly {@link snakepit.v1.HealthRequest.verify|verify} messages.
             * @function encode
             * @memberof snakepit.v1.HealthRequest
             * @static
             * @param {snakepit.v1.IHealthRequest} message HealthRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HealthRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                return writer;
            };

            /**
             * Encodes the specified HealthRequest message, length delimited. Does not implicitly {@link snakepit.v1.HealthRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof snakepit.v1.HealthRequest
             * @static
             * @param {snakepit.v1.IHealthRequest} message HealthRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HealthRequest.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a HealthRequest message from the specified reader or buffer.
             * @function decode
             * @memberof snakepit.v1.HealthRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {snakepit.v1.HealthRequest} HealthRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HealthRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.snakepit.v1.HealthRequest();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes a HealthRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof snakepit.v1.HealthRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {snakepit.v1.HealthRequest} HealthRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HealthRequest.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Creates a HealthRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof snakepit.v1.HealthRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {snakepit.v1.HealthRequest} HealthRequest
             */
            HealthRequest.fromObject = function fromObject(object, long) {
                if (object instanceof $root.snakepit.v1.HealthRequest)
                    return object;
                return new $root.snakepit.v1.HealthRequest();
            };

            /**
             * Creates a plain object from a HealthRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof snakepit.v1.HealthRequest
             * @static
             * @param {snakepit.v1.HealthRequest} message HealthRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            HealthRequest.toObject = function toObject() {
                return {};
            };

            /**
             * Converts this HealthRequest to JSON.
             * @function toJSON
             * @memberof snakepit.v1.HealthRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            HealthRequest.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for HealthRequest
             * @function getTypeUrl
             * @memberof snakepit.v1.HealthRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            HealthRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/snakepit.v1.HealthRequest";
            };

            return HealthRequest;
        })();

        v1.HealthResponse = (function() {

            /**
             * Properties of a HealthResponse.
             * @memberof snakepit.v1
             * @interface IHealthResponse
             * @property {snakepit.v1.HealthResponse.Status|null} [status] HealthResponse status
             * @property {snakepit.v1.IWorkerStats|null} [stats] HealthResponse stats
             */

            /**
             * Constructs a new HealthResponse.
             * @memberof snakepit.v1
             * @classdesc Represents a HealthResponse.
             * @implements IHealthResponse
             * @constructor
             * @param {snakepit.v1.IHealthResponse=} [properties] Properties to set
             */
            function HealthResponse(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * HealthResponse status.
             * @member {snakepit.v1.HealthResponse.Status} status
             * @memberof snakepit.v1.HealthResponse
             * @instance
             */
            HealthResponse.prototype.status = 0;

            /**
             * HealthResponse stats.
             * @member {snakepit.v1.IWorkerStats|null|undefined} stats
             * @memberof snakepit.v1.HealthResponse
             * @instance
             */
            HealthResponse.prototype.stats = null;

            /**
             * Creates a new HealthResponse instance using the specified properties.
             * @function create
             * @memberof snakepit.v1.HealthResponse
             * @static
             * @param {snakepit.v1.IHealthResponse=} [properties] Properties to set
             * @returns {snakepit.v1.HealthResponse} HealthResponse instance
             */
            HealthResponse.create = function create(properties) {
                return new HealthResponse(properties);
            };

            /**
             * Encodes the specified HealthResponse message. Does not implicitly {@link snakepit.v1.HealthResponse.verify|verify} messages.
             * @function encode
             * @memberof snakepit.v1.HealthResponse
             * @static
             * @param {snakepit.v1.IHealthResponse} message HealthResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HealthResponse.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.status != null && Object.hasOwnProperty.call(message, "status"))
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.status);
                if (message.stats != null && Object.hasOwnProperty.call(message, "stats"))
                    $root.snakepit.v1.WorkerStats.encode(message.stats, writer.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                return writer;
            };

            /**
             * Encodes the specified HealthResponse message, length delimited. Does not implicitly {@link snakepit.v1.HealthResponse.verify|verify} messages.
             * @function encodeDelimited
             * @memberof snakepit.v1.HealthResponse
             * @static
             * @param {snakepit.v1.IHealthResponse} message HealthResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            HealthResponse.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes a HealthResponse message from the specified reader or buffer.
             * @function decode
             * @memberof snakepit.v1.HealthResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {snakepit.v1.HealthResponse} HealthResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HealthResponse.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.snakepit.v1.HealthResponse();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.status = reader.int32();
                            break;
                        }
                    case 2: {
                            message.stats = $root.snakepit.v1.WorkerStats.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes a HealthResponse message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof snakepit.v1.HealthResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {snakepit.v1.HealthResponse} HealthResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            HealthResponse.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Creates a HealthResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof snakepit.v1.HealthResponse
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {snakepit.v1.HealthResponse} HealthResponse
             */
            HealthResponse.fromObject = function fromObject(object, long) {
                if (object instanceof $root.snakepit.v1.HealthResponse)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".snakepit.v1.HealthResponse: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.snakepit.v1.HealthResponse();
                switch (object.status) {
                default:
                    if (typeof object.status === "number") {
                        message.status = object.status;
                        break;
                    }
                    break;
                case "STATUS_UNSPECIFIED":
                case 0:
                    message.status = 0;
                    break;
                case "SERVING":
                case 1:
                    message.status = 1;
                    break;
                case "NOT_SERVING":
                case 2:
                    message.status = 2;
                    break;
                }
                if (object.stats != null) {
                    if (!$util.isObject(object.stats))
                        throw TypeError(".snakepit.v1.HealthResponse.stats: object expected");
                    message.stats = $root.snakepit.v1.WorkerStats.fromObject(object.stats, long + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a HealthResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof snakepit.v1.HealthResponse
             * @static
             * @param {snakepit.v1.HealthResponse} message HealthResponse
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            HealthResponse.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.status = options.enums === String ? "STATUS_UNSPECIFIED" : 0;
                    object.stats = null;
                }
                if (message.status != null && Object.hasOwnProperty.call(message, "status"))
                    object.status = options.enums === String ? $root.snakepit.v1.HealthResponse.Status[message.status] === undefined ? message.status : $root.snakepit.v1.HealthResponse.Status[message.status] : message.status;
                if (message.stats != null && Object.hasOwnProperty.call(message, "stats"))
                    object.stats = $root.snakepit.v1.WorkerStats.toObject(message.stats, options, q + 1);
                return object;
            };

            /**
             * Converts this HealthResponse to JSON.
             * @function toJSON
             * @memberof snakepit.v1.HealthResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            HealthResponse.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for HealthResponse
             * @function getTypeUrl
             * @memberof snakepit.v1.HealthResponse
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            HealthResponse.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/snakepit.v1.HealthResponse";
            };

            /**
             * Status enum.
             * @name snakepit.v1.HealthResponse.Status
             * @enum {number}
             * @property {number} STATUS_UNSPECIFIED=0 STATUS_UNSPECIFIED value
             * @property {number} SERVING=1 SERVING value
             * @property {number} NOT_SERVING=2 NOT_SERVING value
             */
            HealthResponse.Status = (function() {
                const valuesById = {}, values = Object.create(valuesById);
                values[valuesById[0] = "STATUS_UNSPECIFIED"] = 0;
                values[valuesById[1] = "SERVING"] = 1;
                values[valuesById[2] = "NOT_SERVING"] = 2;
                return values;
            })();

            return HealthResponse;
        })();

        v1.InfoRequest = (function() {

            /**
             * Properties of an InfoRequest.
             * @memberof snakepit.v1
             * @interface IInfoRequest
             */

            /**
             * Constructs a new InfoRequest.
             * @memberof snakepit.v1
             * @classdesc Represents an InfoRequest.
             * @implements IInfoRequest
             * @constructor
             * @param {snakepit.v1.IInfoRequest=} [properties] Properties to set
             */
            function InfoRequest(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Creates a new InfoRequest instance using the specified properties.
             * @function create
             * @memberof snakepit.v1.InfoRequest
             * @static
             * @param {snakepit.v1.IInfoRequest=} [properties] Properties to set
             * @returns {snakepit.v1.InfoRequest} InfoRequest instance
             */
            InfoRequest.create = function create(properties) {
                return new InfoRequest(properties);
            };

            /**
             * Encodes the specified InfoRequest message. Does not implicitly {@link snakepit.v1.InfoRequest.verify|verify} messages.
             * @function encode
             * @memberof snakepit.v1.InfoRequest
             * @static
             * @param {snakepit.v1.IInfoRequest} message InfoRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InfoRequest.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                return writer;
            };

            /**
             * Encodes the specified InfoRequest message, length delimited. Does not implicitly {@link snakepit.v1.InfoRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof snakepit.v1.InfoRequest
             * @static
             * @param {snakepit.v1.IInfoRequest} message InfoRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InfoRequest.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes an InfoRequest message from the specified reader or buffer.
             * @function decode
             * @memberof snakepit.v1.InfoRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {snakepit.v1.InfoRequest} InfoRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InfoRequest.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.snakepit.v1.InfoRequest();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes an InfoRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof snakepit.v1.InfoRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {snakepit.v1.InfoRequest} InfoRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InfoRequest.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Creates an InfoRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof snakepit.v1.InfoRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {snakepit.v1.InfoRequest} InfoRequest
             */
            InfoRequest.fromObject = function fromObject(object, long) {
                if (object instanceof $root.snakepit.v1.InfoRequest)
                    return object;
                return new $root.snakepit.v1.InfoRequest();
            };

            /**
             * Creates a plain object from an InfoRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof snakepit.v1.InfoRequest
             * @static
             * @param {snakepit.v1.InfoRequest} message InfoRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            InfoRequest.toObject = function toObject() {
                return {};
            };

            /**
             * Converts this InfoRequest to JSON.
             * @function toJSON
             * @memberof snakepit.v1.InfoRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            InfoRequest.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for InfoRequest
             * @function getTypeUrl
             * @memberof snakepit.v1.InfoRequest
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            InfoRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/snakepit.v1.InfoRequest";
            };

            return InfoRequest;
        })();

        v1.InfoResponse = (function() {

            /**
             * Properties of an InfoResponse.
             * @memberof snakepit.v1
             * @interface IInfoResponse
             * @property {snakepit.v1.IReady|null} [ready] InfoResponse ready
             * @property {string|null} [adapter] InfoResponse adapter
             */

            /**
             * Constructs a new InfoResponse.
             * @memberof snakepit.v1
             * @classdesc Represents an InfoResponse.
             * @implements IInfoResponse
             * @constructor
             * @param {snakepit.v1.IInfoResponse=} [properties] Properties to set
             */
            function InfoResponse(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * InfoResponse ready.
             * @member {snakepit.v1.IReady|null|undefined} ready
             * @memberof snakepit.v1.InfoResponse
             * @instance
             */
            InfoResponse.prototype.ready = null;

            /**
             * InfoResponse adapter.
             * @member {string} adapter
             * @memberof snakepit.v1.InfoResponse
             * @instance
             */
            InfoResponse.prototype.adapter = "";

            /**
             * Creates a new InfoResponse instance using the specified properties.
             * @function create
             * @memberof snakepit.v1.InfoResponse
             * @static
             * @param {snakepit.v1.IInfoResponse=} [properties] Properties to set
             * @returns {snakepit.v1.InfoResponse} InfoResponse instance
             */
            InfoResponse.create = function create(properties) {
                return new InfoResponse(properties);
            };

            /**
             * Encodes the specified InfoResponse message. Does not implicitly {@link snakepit.v1.InfoResponse.verify|verify} messages.
             * @function encode
             * @memberof snakepit.v1.InfoResponse
             * @static
             * @param {snakepit.v1.IInfoResponse} message InfoResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InfoResponse.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.ready != null && Object.hasOwnProperty.call(message, "ready"))
                    $root.snakepit.v1.Ready.encode(message.ready, writer.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (message.adapter != null && Object.hasOwnProperty.call(message, "adapter"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.adapter);
                return writer;
            };

            /**
             * Encodes the specified InfoResponse message, length delimited. Does not implicitly {@link snakepit.v1.InfoResponse.verify|verify} messages.
             * @function encodeDelimited
             * @memberof snakepit.v1.InfoResponse
             * @static
             * @param {snakepit.v1.IInfoResponse} message InfoResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InfoResponse.encodeDelimited = function encodeDelimited(message, writer) {
                return this.encode(message, writer && writer.len ? writer.fork() : writer).ldelim();
            };

            /**
             * Decodes an InfoResponse message from the specified reader or buffer.
             * @function decode
             * @memberof snakepit.v1.InfoResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {snakepit.v1.InfoResponse} InfoResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InfoResponse.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.snakepit.v1.InfoResponse();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.ready = $root.snakepit.v1.Ready.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 2: {
                            message.adapter = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Decodes an InfoResponse message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof snakepit.v1.InfoResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {snakepit.v1.InfoResponse} InfoResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InfoResponse.decodeDelimited = function decodeDelimited(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.uint32());
            };

            /**
             * Creates an InfoResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof snakepit.v1.InfoResponse
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {snakepit.v1.InfoResponse} InfoResponse
             */
            InfoResponse.fromObject = function fromObject(object, long) {
                if (object instanceof $root.snakepit.v1.InfoResponse)
                    return object;
                if (!$util.isObject(object))
                    throw TypeError(".snakepit.v1.InfoResponse: object expected");
                if (long === undefined)
                    long = 0;
                if (long > $util.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let message = new $root.snakepit.v1.InfoResponse();
                if (object.ready != null) {
                    if (!$util.isObject(object.ready))
                        throw TypeError(".snakepit.v1.InfoResponse.ready: object expected");
                    message.ready = $root.snakepit.v1.Ready.fromObject(object.ready, long + 1);
                }
                if (object.adapter != null)
                    message.adapter = String(object.adapter);
                return message;
            };

            /**
             * Creates a plain object from an InfoResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof snakepit.v1.InfoResponse
             * @static
             * @param {snakepit.v1.InfoResponse} message InfoResponse
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            InfoResponse.toObject = function toObject(message, options, q) {
                if (!options)
                    options = {};
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.ready = null;
                    object.adapter = "";
                }
                if (message.ready != null && Object.hasOwnProperty.call(message, "ready"))
                    object.ready = $root.snakepit.v1.Ready.toObject(message.ready, options, q + 1);
                if (message.adapter != null && Object.hasOwnProperty.call(message, "adapter"))
                    object.adapter = message.adapter;
                return object;
            };

            /**
             * Converts this InfoResponse to JSON.
             * @function toJSON
             * @memberof snakepit.v1.InfoResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            InfoResponse.prototype.toJSON = function toJSON() {
                return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the default type url for InfoResponse
             * @function getTypeUrl
             * @memberof snakepit.v1.InfoResponse
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            InfoResponse.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/snakepit.v1.InfoResponse";
            };

            return InfoResponse;
        })();

        v1.Worker = (function() {

            /**
             * Constructs a new Worker service.
             * @memberof snakepit.v1
             * @classdesc Represents a Worker
             * @extends $protobuf.rpc.Service
             * @constructor
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             */
            function Worker(rpcImpl, requestDelimited, responseDelimited) {
                $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
            }

            (Worker.prototype = Object.create($protobuf.rpc.Service.prototype)).constructor = Worker;

            /**
             * Creates new Worker service using the specified rpc implementation.
             * @function create
             * @memberof snakepit.v1.Worker
             * @static
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             * @returns {Worker} RPC service. Useful where requests and/or responses are streamed.
             */
            Worker.create = function create(rpcImpl, requestDelimited, responseDelimited) {
                return new this(rpcImpl, requestDelimited, responseDelimited);
            };

            /**
             * Callback as used by {@link snakepit.v1.Worker#execute}.
             * @memberof snakepit.v1.Worker
             * @typedef ExecuteCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {snakepit.v1.ExecuteResponse} [response] ExecuteResponse
             */

            /**
             * Calls Execute.
             * @function execute
             * @memberof snakepit.v1.Worker
             * @instance
             * @param {snakepit.v1.IExecuteRequest} request ExecuteRequest message or plain object
             * @param {snakepit.v1.Worker.ExecuteCallback} callback Node-style callback called with the error, if any, and ExecuteResponse
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Worker.prototype.execute = function execute(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, execute, $root.snakepit.v1.ExecuteRequest, $root.snakepit.v1.ExecuteResponse, request, callback);
            }, "name", { value: "Execute" });

            /**
             * Calls Execute.
             * @function execute
             * @memberof snakepit.v1.Worker
             * @instance
             * @param {snakepit.v1.IExecuteRequest} request ExecuteRequest message or plain object
             * @returns {Promise<snakepit.v1.ExecuteResponse>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link snakepit.v1.Worker#executeStream}.
             * @memberof snakepit.v1.Worker
             * @typedef ExecuteStreamCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {snakepit.v1.StreamChunk} [response] StreamChunk
             */

            /**
             * Calls ExecuteStream.
             * @function executeStream
             * @memberof snakepit.v1.Worker
             * @instance
             * @param {snakepit.v1.IExecuteRequest} request ExecuteRequest message or plain object
             * @param {snakepit.v1.Worker.ExecuteStreamCallback} callback Node-style callback called with the error, if any, and StreamChunk
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Worker.prototype.executeStream = function executeStream(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, executeStream, $root.snakepit.v1.ExecuteRequest, $root.snakepit.v1.StreamChunk, request, callback);
            }, "name", { value: "ExecuteStream" });

            /**
             * Calls ExecuteStream.
             * @function executeStream
             * @memberof snakepit.v1.Worker
             * @instance
             * @param {snakepit.v1.IExecuteRequest} request ExecuteRequest message or plain object
             * @returns {Promise<snakepit.v1.StreamChunk>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link snakepit.v1.Worker#health}.
             * @memberof snakepit.v1.Worker
             * @typedef HealthCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {snakepit.v1.HealthResponse} [response] HealthResponse
             */

            /**
             * Calls Health.
             * @function health
             * @memberof snakepit.v1.Worker
             * @instance
             * @param {snakepit.v1.IHealthRequest} request HealthRequest message or plain object
             * @param {snakepit.v1.Worker.HealthCallback} callback Node-style callback called with the error, if any, and HealthResponse
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Worker.prototype.health = function health(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, health, $root.snakepit.v1.HealthRequest, $root.snakepit.v1.HealthResponse, request, callback);
            }, "name", { value: "Health" });

            /**
             * Calls Health.
             * @function health
             * @memberof snakepit.v1.Worker
             * @instance
             * @param {snakepit.v1.IHealthRequest} request HealthRequest message or plain object
             * @returns {Promise<snakepit.v1.HealthResponse>} Promise
             * @variation 2
             */

            /**
             * Callback as used by {@link snakepit.v1.Worker#info}.
             * @memberof snakepit.v1.Worker
             * @typedef InfoCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {snakepit.v1.InfoResponse} [response] InfoResponse
             */

            /**
             * Calls Info.
             * @function info
             * @memberof snakepit.v1.Worker
             * @instance
             * @param {snakepit.v1.IInfoRequest} request InfoRequest message or plain object
             * @param {snakepit.v1.Worker.InfoCallback} callback Node-style callback called with the error, if any, and InfoResponse
             * @returns {undefined}
             * @variation 1
             */
            Object.defineProperty(Worker.prototype.info = function info(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, info, $root.snakepit.v1.InfoRequest, $root.snakepit.v1.InfoResponse, request, callback);
            }, "name", { value: "Info" });

            /**
             * Calls Info.
             * @function info
             * @memberof snakepit.v1.Worker
             * @instance
             * @param {snakepit.v1.IInfoRequest} request InfoRequest message or plain object
             * @returns {Promise<snakepit.v1.InfoResponse>} Promise
             * @variation 2
             */

            return Worker;
        })();

        return v1;
    })();

    return snakepit;
})();

export { $root as default };
