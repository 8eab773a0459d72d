/**
 * When a stored day can be shown without asking WeCom again: final (fetched after its 10:00 CST
 * cut-off), or provisional but fetched a moment ago and the cut-off not passed yet. Once it has
 * passed, one fetch makes the day final, so a provisional copy is never reused past it. One rule
 * for the owners view and the chart.
 */
import { finalAfterMs, type CstDay } from '../shared/days';

/** How long a provisional day is reused by default (before its cut-off). */
export const PROVISIONAL_TTL_MS = 3600_000;

export function isReusable(
  stored: { readonly day: CstDay; readonly fetchedAt?: number; readonly final: boolean },
  nowMs: number,
  ttlMs: number = PROVISIONAL_TTL_MS,
): boolean {
  if (stored.final) {
    return true;
  }
  const at = stored.fetchedAt;
  return at !== undefined && nowMs >= at && nowMs - at < ttlMs && nowMs < finalAfterMs(stored.day);
}
