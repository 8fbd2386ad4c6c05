import { ManualClock } from '@snakepit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSupervisor, type ExitReason } from '../../src/index.js';
import { FakeChildren, flush } from '../../src/testing.js';
import { OtpModel, type ModelReason, type ModelRestart } from './otpModel.js';

type Command =
  | { readonly kind: 'exit'; readonly child: number; readonly reason: ModelReason }
  | { readonly kind: 'advance'; readonly ms: number }
  | { readonly kind: 'failNextStarts'; readonly child: number; readonly count: number }
  | { readonly kind: 'exitAfterNextStart'; readonly child: number; readonly reason: ModelReason };

const reason = fc.constantFrom<ModelReason>('normal', 'shutdown', 'killed', 'error');

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('exit' as const),
      child: fc.nat(5),
      reason,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      ms: fc.integer({ min: 0, max: 3000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('failNextStarts' as const),
      child: fc.nat(5),
      count: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    // The child's next start (in a group restart or a retry) succeeds, then it dies at once.
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('exitAfterNextStart' as const),
      child: fc.nat(5),
      reason,
    }),
  },
);

const scenario = fc.record({
  strategy: fc.constantFrom<'one_for_one' | 'one_for_all' | 'rest_for_one'>(
    'one_for_one',
    'one_for_all',
    'rest_for_one',
  ),
  maxRestarts: fc.integer({ min: 0, max: 5 }),
  periodMs: fc.integer({ min: 1, max: 5000 }),
  restarts: fc.array(fc.constantFrom<ModelRestart>('permanent', 'transient', 'temporary'), {
    minLength: 1,
    maxLength: 5,
  }),
  /** Children that die as soon as they have started, while the later ones still start. */
  startUpExits: fc.array(fc.record({ child: fc.nat(5), reason }), { maxLength: 2 }),
  commands: fc.array(command, { maxLength: 40 }),
});

function toReason(reason: ModelReason): ExitReason {
  return reason === 'error' ? new Error('crash') : reason;
}

describe('supervisor agrees with an OTP model written from the Erlang docs', () => {
  it('for random exits (also during start-up and group restarts), restart types, intensities and failed starts', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const specs = s.restarts.map((restart, i) => ({ id: `c${i}`, restart }));
        const model = new OtpModel(s.strategy, s.maxRestarts, s.periodMs, specs);
        const kids = new FakeChildren();
        const clock = new ManualClock();
        for (const { child, reason } of s.startUpExits) {
          const id = specs[child % specs.length]?.id ?? 'c0';
          model.exitsOnStart.set(id, reason);
          kids.exitAfterNextStart(id, toReason(reason));
        }
        const supervisor = await createSupervisor({
          strategy: s.strategy,
          maxRestarts: s.maxRestarts,
          periodMs: s.periodMs,
          clock,
          children: specs.map((spec) => kids.spec(spec.id, { restart: spec.restart })),
        });
        let isAlive = true;
        void supervisor.exited.then(() => (isAlive = false));
        model.init(clock.now());
        await flush(supervisor);
        expect(kids.takeLog()).toEqual(model.trace.splice(0));
        expect(isAlive).toBe(model.isAlive);
        if (model.isAlive) {
          expect(supervisor.whichChildren().map((c) => [c.id, c.status === 'running'])).toEqual(
            model.children.map((c) => [c.id, c.isRunning]),
          );
        }
        for (const cmd of model.isAlive ? s.commands : []) {
          if (cmd.kind === 'advance') {
            clock.advance(cmd.ms);
          } else {
            const id = model.children[cmd.child % model.children.length]?.id;
            if (id === undefined) continue;
            if (cmd.kind === 'failNextStarts') {
              model.failuresLeft.set(id, cmd.count);
              kids.failNextStarts(id, cmd.count);
            } else if (cmd.kind === 'exitAfterNextStart') {
              model.exitsOnStart.set(id, cmd.reason);
              kids.exitAfterNextStart(id, toReason(cmd.reason));
            } else if (model.isAlive && model.children.find((c) => c.id === id)?.isRunning) {
              model.exit(id, cmd.reason, clock.now());
              kids.exit(id, toReason(cmd.reason));
            }
          }
          await flush(supervisor);
          expect(kids.takeLog()).toEqual(model.trace.splice(0));
          expect(isAlive).toBe(model.isAlive);
          if (!model.isAlive) break;
          expect(supervisor.whichChildren().map((c) => [c.id, c.status === 'running'])).toEqual(
            model.children.map((c) => [c.id, c.isRunning]),
          );
        }
        if (model.isAlive) {
          await supervisor.stop();
          model.stopAll();
          expect(kids.takeLog()).toEqual(model.trace.splice(0));
        }
        expect(kids.running()).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
