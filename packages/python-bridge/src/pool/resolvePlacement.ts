/** Where worker actors run once `placement: 'auto'` is resolved. */
export type ResolvedPlacement = 'dedicated' | 'shared' | 'inline';

/**
 * The largest pool that `placement: 'auto'` gives one thread per worker;
 * larger pools share one thread per core. Each dedicated thread is a V8
 * isolate of its own: `node bench/forkserver.bench.mjs` (part d, 2 cores,
 * 2026-12-06) measured 10 workers ready in 2.1 s dedicated vs 1.2 s shared
 * with the fork server (8.6 vs 6.2 s with spawn) and +115–140 MB of Node
 * RSS vs +26 MB; at 25 workers the gap grows to 5.0 vs 2.4 s (18.3 vs
 * 7.2 s) and +310 MB, at 100 to 22 vs 8.9 s (49 vs 18 s) and +950 MB.
 * Up to here, isolation costs about a second; beyond, it costs several.
 */
export const AUTO_PLACEMENT_MAX_DEDICATED = 10;

/**
 * Resolves a pool's `placement`: `auto` is `dedicated` up to
 * {@link AUTO_PLACEMENT_MAX_DEDICATED} workers (or up to `cores`, where a
 * shared pool would give each worker a thread of its own anyway) and
 * `shared` beyond; any other placement is kept.
 *
 * @param size the pool's number of workers
 * @param cores the CPU count (`availableParallelism()`), the shared threads
 */
export function resolvePlacement(
  placement: ResolvedPlacement | 'auto',
  size: number,
  cores: number,
): ResolvedPlacement {
  if (placement !== 'auto') return placement;
  return size <= Math.max(AUTO_PLACEMENT_MAX_DEDICATED, cores) ? 'dedicated' : 'shared';
}
