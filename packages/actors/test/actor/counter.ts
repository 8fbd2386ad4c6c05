import { defineActor, type ExitReason } from '../../src/index.js';

export const stopReasons: ExitReason[] = [];

/** A small actor used by the inline tests. */
export const counter = defineActor({
  start: (args: { initial: number }) => ({ count: args.initial, log: [] as string[] }),
  handlers: {
    add(state, by: number) {
      state.count += by;
      state.log.push(`add ${by}`);
    },
    get(state): number {
      return state.count;
    },
    async slowGet(state, ms: number) {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return state.count;
    },
    hang(): Promise<never> {
      return new Promise(() => {});
    },
    fail(_state, message: string) {
      throw new Error(message);
    },
    finish(_state, _payload: undefined, context) {
      context.stop('normal');
    },
    log(state) {
      return state.log;
    },
  },
  stop(_state, reason) {
    stopReasons.push(reason);
  },
});
