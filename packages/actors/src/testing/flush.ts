/**
 * Lets every pending promise callback and immediate run, then waits until
 * `supervisor` has handled everything queued so far, three times over. Use it
 * after making a child exit: `supervisor.settled()` alone can resolve before
 * the exit has reached the supervisor's mailbox (the exit travels through
 * promise callbacks first).
 */
export async function flush(supervisor?: { settled(): Promise<void> }): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    await supervisor?.settled();
  }
}
