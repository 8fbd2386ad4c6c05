import type { ChildRecord } from './ChildTable.js';

/** How a supervisor kind differs from another. */
export interface ShutdownMode {
  /** Dynamic: children stopped all at once, forgotten when they end. */
  readonly isDynamic: boolean;
  readonly maxChildren: number;
}

/**
 * Stops `records` (given in start order): one by one in reverse order for a
 * static supervisor (OTP `terminate_children`), all at once for a dynamic one
 * (OTP `terminate_dynamic_children`: their order means nothing).
 */
export async function runShutdown(
  records: readonly ChildRecord[],
  mode: ShutdownMode,
  stop: (record: ChildRecord) => Promise<void>,
): Promise<void> {
  if (mode.isDynamic) {
    await Promise.all(records.map(stop));
    return;
  }
  for (const record of [...records].reverse()) await stop(record);
}
