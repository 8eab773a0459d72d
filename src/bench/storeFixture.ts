/**
 * The synthetic history the store and analysis benchmarks load: one scope, owner ids, and
 * deterministic figures per (owner, day) with a slow upward trend, so sums and ranks vary.
 */
import type { GroupChatStats } from '../shared/metrics';
import type { StoreScope } from '../store/types';

export const BENCH_SCOPE: StoreScope = {
  key: 'bench',
  apiBaseUrl: 'https://qyapi.weixin.qq.com',
  corpId: 'bench',
  app: 'bench',
};

/** Figures of owner number `o` on day number `d` (both from 0). */
export function benchFigures(o: number, d: number): GroupChatStats {
  const x = (o * 31 + d * 17) % 1000;
  return {
    new_chat_cnt: x % 7,
    chat_total: 100 + (x % 50) + (d >> 3),
    chat_has_msg: 20 + (x % 30),
    new_member_cnt: x % 40,
    member_total: 2000 + x + d,
    member_has_msg: 300 + (x % 200),
    msg_total: 1000 + x * 3,
    migrate_trainee_chat_cnt: 0,
  };
}
