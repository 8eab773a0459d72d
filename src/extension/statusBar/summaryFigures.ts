/**
 * Pure parts of the status-bar summary: which figure the setting chose, and the day-over-day
 * change. No vscode here, so they are unit-tested in plain Node.
 */
import { isMetricKey, type GroupChatStats, type MetricKey } from '../../shared/metrics';

export const STATUS_BAR_SETTING = 'statusBar.metric';
export const DEFAULT_STATUS_BAR_METRIC: MetricKey = 'chat_total';

/** A figure to show, or 'hidden'. */
export type StatusBarChoice = MetricKey | 'hidden';

/** The setting's value; anything unreadable falls back to the default figure. */
export function parseStatusBarChoice(value: unknown): StatusBarChoice {
  return value === 'hidden' || isMetricKey(value) ? value : DEFAULT_STATUS_BAR_METRIC;
}

/** Yesterday's value minus the day before's, or undefined when the day before is not known. */
export function dayChange(
  current: GroupChatStats,
  previous: GroupChatStats | undefined,
  metric: MetricKey,
): number | undefined {
  return previous ? current[metric] - previous[metric] : undefined;
}

/** "+12", "−3" (a real minus sign) or "±0". */
export function signedNumber(value: number, format: (n: number) => string): string {
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  return `${sign}${format(Math.abs(value))}`;
}
