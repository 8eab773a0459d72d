import { emptyStats, type GroupChatStats } from '../../../src/shared/metrics';
import type { AtomLike } from '../../../src/analysis/series';

export function stats(values: Partial<GroupChatStats>): GroupChatStats {
  return { ...emptyStats(), ...values };
}

export function atom(
  day: string,
  owner: string,
  values: Partial<GroupChatStats> | 'absent',
  final = true,
): AtomLike {
  return values === 'absent'
    ? { day, owner, final, absent: true }
    : { day, owner, final, absent: false, data: stats(values) };
}
