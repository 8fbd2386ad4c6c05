import type { ChildHandle, ShutdownBudget } from '../child/ChildSpec.js';
import { toExitError, type ExitReason } from '../exit/ExitReason.js';

/**
 * Stops a child within its budget and waits for its end. Never rejects: a
 * handle that throws from `stop` is still waited for.
 */
export async function stopHandle(handle: ChildHandle, budget: ShutdownBudget): Promise<ExitReason> {
  try {
    await handle.stop('shutdown', budget);
  } catch {
    // The contract says stop never rejects; a broken handle still gets waited for.
  }
  return handle.exited.then(
    (reason) => reason,
    (error: unknown) => toExitError(error),
  );
}
