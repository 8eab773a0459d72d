/**
 * One log line per HTTP request of the client, for the extension's log channel and the CLI's
 * --verbose output: endpoint, what it asked about (owners: count and the first few; the CST
 * days), duration, errcode. Never the query (it carries the access token).
 */
import type { RequestLogEntry } from './types';

/** How many owner ids a line names before "…": enough to recognise a batch, short enough to read. */
export const LOGGED_OWNER_IDS = 3;

export function describeOwners(owners: readonly string[]): string {
  const named = owners.slice(0, LOGGED_OWNER_IDS).join(', ');
  const more = owners.length > LOGGED_OWNER_IDS ? `, … +${owners.length - LOGGED_OWNER_IDS}` : '';
  return `${owners.length} ${owners.length === 1 ? 'owner' : 'owners'} (${named}${more})`;
}

export function requestLogLine(entry: RequestLogEntry): string {
  const parts = [entry.endpoint];
  if (entry.owners !== undefined && entry.owners.length > 0) {
    parts.push(describeOwners(entry.owners));
  }
  if (entry.range !== undefined) {
    parts.push(
      entry.range.from === entry.range.to ? entry.range.from : `${entry.range.from}..${entry.range.to}`,
    );
  }
  parts.push(
    `${Math.round(entry.durationMs)} ms`,
    entry.errcode === undefined ? 'no errcode' : `errcode ${entry.errcode}`,
  );
  const httpStatus = entry.status !== undefined && entry.status !== 200 ? `HTTP ${entry.status}` : undefined;
  if (httpStatus) {
    parts.push(httpStatus);
  }
  if (entry.attempt > 1) {
    parts.push(`attempt ${entry.attempt}`);
  }
  if (entry.message && entry.message !== httpStatus) {
    parts.push(entry.message);
  }
  return parts.join(' · ');
}
