import { SNAKEPIT_ATTRIBUTES as A } from '../metrics/snakepitAttributes.js';
import type { ListenerTable, MappingContext } from './ListenerTable.js';

/** Listeners of the supervisor, actor-thread, orphan and registry events. */
export function supervisorListeners({
  counters: c,
  attributes: at,
}: MappingContext): ListenerTable {
  const supervised = (supervisorId: string, childId: string) => ({
    [A.supervisorId]: at.bounded(A.supervisorId, supervisorId),
    [A.childId]: at.bounded(A.childId, childId),
  });
  return {
    'snakepit.supervisor.child.exited': (p) => {
      c.childExited.add({ ...supervised(p.supervisorId, p.childId), [A.isAbnormal]: p.isAbnormal });
    },
    'snakepit.supervisor.child.restarted': (p) => {
      c.childRestarted.add({
        ...supervised(p.supervisorId, p.childId),
        [A.strategy]: at.bounded(A.strategy, p.strategy),
        [A.exitReason]: at.reason(A.exitReason, p.reason),
      });
    },
    'snakepit.supervisor.child.start_failed': (p) => {
      c.childStartFailed.add(supervised(p.supervisorId, p.childId));
    },
    'snakepit.supervisor.escalated': (p) => {
      c.supervisorEscalated.add({
        [A.supervisorId]: at.bounded(A.supervisorId, p.supervisorId),
        [A.escalation]: at.reason(A.escalation, p.escalation),
      });
    },
    'snakepit.actor.thread.terminated': (p) => {
      c.threadTerminated.add({ [A.exitReason]: at.reason(A.exitReason, p.reason) });
    },
    'snakepit.orphan.reaped': (p) => {
      c.orphanReaped.add({
        [A.orphanSignal]: at.bounded(A.orphanSignal, p.signal),
        [A.orphanFoundBy]: at.bounded(A.orphanFoundBy, p.foundBy ?? 'unknown'),
      });
    },
    'snakepit.registry.error': (p) => {
      c.registryError.add({
        [A.registryOperation]: at.bounded(A.registryOperation, p.operation),
        [A.registryCode]: at.bounded(A.registryCode, p.code ?? 'unknown'),
      });
    },
  };
}
