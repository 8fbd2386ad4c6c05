import { describe, expect, it } from 'vitest';
import { EventBus } from '../../src/events/EventBus.js';
import type { ExecuteTracer } from '../../src/events/executeTracing.js';
import { isSnakepitError } from '../../src/errors/SnakepitError.js';

const tracer = (name: string): ExecuteTracer & { readonly name: string } => ({
  name,
  start: () => ({ traceparent: undefined, end: () => {} }),
});

describe('EventBus: the attached call tracer', () => {
  it('has none until one is attached, and none after it is detached', () => {
    const bus = new EventBus();
    expect(bus.executeTracer).toBeUndefined();
    const a = tracer('a');
    const detach = bus.attachExecuteTracer(a);
    expect(bus.executeTracer).toBe(a);
    detach();
    expect(bus.executeTracer).toBeUndefined();
    detach(); // idempotent
    expect(bus.executeTracer).toBeUndefined();
  });

  it('uses the last attached; detaching it brings back the one before, in any order', () => {
    const bus = new EventBus();
    const [a, b, c] = [tracer('a'), tracer('b'), tracer('c')];
    const detachA = bus.attachExecuteTracer(a);
    const detachB = bus.attachExecuteTracer(b);
    const detachC = bus.attachExecuteTracer(c);
    expect(bus.executeTracer).toBe(c);
    detachB(); // not the one in use: nothing changes
    expect(bus.executeTracer).toBe(c);
    detachC();
    expect(bus.executeTracer).toBe(a);
    detachB();
    expect(bus.executeTracer).toBe(a);
    detachA();
    expect(bus.executeTracer).toBeUndefined();
  });

  it('counts each attach of one tracer: each detach removes its own', () => {
    const bus = new EventBus();
    const a = tracer('a');
    const first = bus.attachExecuteTracer(a);
    const second = bus.attachExecuteTracer(a);
    first();
    first();
    expect(bus.executeTracer).toBe(a);
    second();
    expect(bus.executeTracer).toBeUndefined();
  });

  it('refuses what is not an ExecuteTracer, naming the option', () => {
    const bus = new EventBus();
    for (const bad of [undefined, {}, { start: 'no' }]) {
      let thrown: unknown;
      try {
        bus.attachExecuteTracer(bad as unknown as ExecuteTracer);
      } catch (error) {
        thrown = error;
      }
      expect(isSnakepitError(thrown) && thrown.code).toBe('INVALID_OPTIONS');
      expect((thrown as Error).message).toMatch(/^Expected `tracer` to be an ExecuteTracer/);
    }
    expect(bus.executeTracer).toBeUndefined();
  });
});
