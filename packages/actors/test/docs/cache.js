// Compiled from cache.ts (checked by compiled.test.ts): threads run JavaScript.
import { defineActor } from '@snakepit/actors';
/** A string cache that forgets its oldest entry beyond `size` entries. */
export default defineActor({
  start: (args) => ({ map: new Map(), size: args.size }),
  handlers: {
    put(state, [key, value]) {
      state.map.delete(key);
      state.map.set(key, value);
      const oldest = state.map.keys().next();
      if (state.map.size > state.size && !oldest.done) state.map.delete(oldest.value);
    },
    get(state, key) {
      return state.map.get(key);
    },
  },
});
