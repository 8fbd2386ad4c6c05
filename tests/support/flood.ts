import type { EventBus } from '@snakepit/core';
import { waitFor } from './processes.js';

/** What a test sees of a worker flooding its output (the `flood` fixture command). */
export interface FloodWatch {
  /** `snakepit.worker.log` events carrying the flood's `x`s so far. */
  readonly pieces: number;
  /** Characters (= bytes: the flood is ASCII) in those events. */
  readonly bytes: number;
  /** The longest of those events, in bytes. */
  readonly longestBytes: number;
  /** How far this process's RSS rose above where it was when the watch began, at most. */
  readonly peakRssGrowthBytes: number;
  /** Resolves once a log line equal to `marker` has arrived. */
  until(marker: string, timeoutMs?: number): Promise<void>;
  stop(): void;
}

/**
 * Watches the log events on `bus` and samples this process's RSS every 10 ms
 * until `stop()` (call it in a `finally`).
 */
export function watchFlood(bus: EventBus): FloodWatch {
  const rssAtStart = process.memoryUsage().rss;
  let peakRss = rssAtStart;
  const markers = new Set<string>();
  const watch = { pieces: 0, bytes: 0, longestBytes: 0 };
  const unsubscribe = bus.on('snakepit.worker.log', ({ line }) => {
    if (!line.startsWith('x')) {
      markers.add(line);
      return;
    }
    watch.pieces++;
    watch.bytes += line.length;
    watch.longestBytes = Math.max(watch.longestBytes, line.length);
  });
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 10);
  return {
    get pieces() {
      return watch.pieces;
    },
    get bytes() {
      return watch.bytes;
    },
    get longestBytes() {
      return watch.longestBytes;
    },
    get peakRssGrowthBytes() {
      return Math.max(peakRss, process.memoryUsage().rss) - rssAtStart;
    },
    until: (marker, timeoutMs = 30_000) =>
      waitFor(() => markers.has(marker), timeoutMs, `the log line \`${marker}\``),
    stop: () => {
      clearInterval(sampler);
      unsubscribe();
    },
  };
}
