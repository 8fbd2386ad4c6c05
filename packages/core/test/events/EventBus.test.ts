import { describe, expect, it } from 'vitest';
import { EventBus } from '../../src/events/EventBus.js';

const payload = { workerId: 'w1', runId: 'r', pid: 1, timestampMs: 0, seq: 3 };

describe('EventBus', () => {
  it('delivers to listeners of the name and to any-listeners, and unsubscribes', () => {
    const bus = new EventBus();
    const seen: string[] = [];
    const off = bus.on('snakepit.worker.heartbeat.sent', (p, name) =>
      seen.push(`${name}:${p.seq}`),
    );
    bus.onAny((name) => seen.push(`any:${name}`));
    bus.emit('snakepit.worker.heartbeat.sent', payload);
    off();
    bus.emit('snakepit.worker.heartbeat.sent', payload);
    expect(seen).toEqual([
      'snakepit.worker.heartbeat.sent:3',
      'any:snakepit.worker.heartbeat.sent',
      'any:snakepit.worker.heartbeat.sent',
    ]);
  });

  it('reports listeners only where there are some', () => {
    const bus = new EventBus();
    expect(bus.hasListeners('snakepit.worker.heartbeat.sent')).toBe(false);
    const off = bus.on('snakepit.worker.heartbeat.sent', () => {});
    expect(bus.hasListeners('snakepit.worker.heartbeat.sent')).toBe(true);
    expect(bus.hasListeners('snakepit.worker.heartbeat.timeout')).toBe(false);
    off();
    expect(bus.hasListeners('snakepit.worker.heartbeat.sent')).toBe(false);
  });

  it('isolates a throwing listener from the emitter and from other listeners', () => {
    const errors: unknown[] = [];
    const bus = new EventBus({ onListenerError: (e) => errors.push(e) });
    let reached = false;
    bus.on('snakepit.worker.heartbeat.sent', () => {
      throw new Error('boom');
    });
    bus.on('snakepit.worker.heartbeat.sent', () => (reached = true));
    expect(() => bus.emit('snakepit.worker.heartbeat.sent', payload)).not.toThrow();
    expect(reached).toBe(true);
    expect(errors).toHaveLength(1);
  });
});

describe('EventBus without onListenerError', () => {
  /** The process warnings emitted while `fn` runs (they are delivered on a later tick). */
  async function warningsDuring(fn: () => void): Promise<Error[]> {
    const seen: Error[] = [];
    const onWarning = (warning: Error) => seen.push(warning);
    process.on('warning', onWarning);
    try {
      fn();
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    return seen.filter((w) => (w as { code?: string }).code === 'SNAKEPIT_LISTENER_ERROR');
  }

  it('reports a throwing listener as a process warning naming the event, once per listener and event', async () => {
    const bus = new EventBus();
    let reached = 0;
    const throwing = () => {
      throw new Error('boom');
    };
    bus.on('snakepit.worker.heartbeat.sent', throwing);
    bus.on('snakepit.worker.heartbeat.timeout', throwing);
    bus.on('snakepit.worker.heartbeat.sent', () => reached++);
    const warnings = await warningsDuring(() => {
      for (let i = 0; i < 3; i++) {
        expect(() => bus.emit('snakepit.worker.heartbeat.sent', payload)).not.toThrow();
      }
      bus.emit('snakepit.worker.heartbeat.timeout', { ...payload, missed: 2 });
    });
    expect(reached).toBe(3);
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('"snakepit.worker.heartbeat.sent" threw Error: boom'),
      expect.stringContaining('"snakepit.worker.heartbeat.timeout" threw Error: boom'),
    ]);
    expect(warnings[0]).toMatchObject({ name: 'SnakepitWarning' });
  });

  it('reports each throwing listener, any-listeners included, and a non-Error value', async () => {
    const bus = new EventBus();
    bus.on('snakepit.worker.heartbeat.sent', () => {
      throw new Error('first');
    });
    bus.onAny(() => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- what a careless listener does
      throw 'a string';
    });
    const warnings = await warningsDuring(() => {
      bus.emit('snakepit.worker.heartbeat.sent', payload);
      bus.emit('snakepit.worker.heartbeat.sent', payload);
    });
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('threw Error: first'),
      expect.stringContaining('threw a string'),
    ]);
  });

  it('passes the event name to onListenerError and emits no warning then', async () => {
    const seen: string[] = [];
    const bus = new EventBus({
      onListenerError: (error, name) => seen.push(`${name}: ${String(error)}`),
    });
    bus.on('snakepit.worker.heartbeat.sent', () => {
      throw new Error('boom');
    });
    const warnings = await warningsDuring(() => {
      bus.emit('snakepit.worker.heartbeat.sent', payload);
      bus.emit('snakepit.worker.heartbeat.sent', payload);
    });
    expect(seen).toEqual([
      'snakepit.worker.heartbeat.sent: Error: boom',
      'snakepit.worker.heartbeat.sent: Error: boom',
    ]);
    expect(warnings).toEqual([]);
  });
});
