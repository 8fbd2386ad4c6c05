import { defineActor } from '@snakepit/actors';

/** A string cache that forgets its oldest entry beyond `size` entries. */
export default defineActor({
  start: (args: { size: number }) => ({ map: new Map<string, string>(), size: args.size }),
  handlers: {
    put(state, [key, value]: [string, string]) {
      state.map.delete(key);
      state.map.set(key, value);
      const oldest = state.map.keys().next();
      if (state.map.size > state.size && !oldest.done) state.map.delete(oldest.value);
    },
    get(state, key: string) {
      return state.map.get(key);
    },
  },
});
