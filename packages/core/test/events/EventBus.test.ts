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
