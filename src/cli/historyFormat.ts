/**
 * Output of the history commands: stored atoms (history), the plan and the result of a sync, and a
 * reconciliation. Pure functions; JSON keys and CSV columns are the documented contracts.
 */
import { defuseFormula, toCsv } from '../shared/csv';
import { cstClockTime, type DayRange } from '../shared/days';
import { METRIC_KEYS, type GroupChatStats } from '../shared/metrics';
import type { StoredAtom } from '../store/types';
import type { FetchPlan } from '../sync/planner';
import { planSummary } from '../sync/planner';
import type { ReconcileResult } from '../sync/reconcile';
import type { SyncResult } from '../sync/sync';
import type { OutputFormat } from './argParts';
import { figures, toTable } from './format';

const iso = (ms: number): string => new Date(ms).toISOString();

function historyItem(atom: StoredAtom): object {
  if (atom.absent || !atom.data) {
    return { date: atom.day, owner: atom.owner, absent: true };
  }
  return {
    date: atom.day,
    owner: atom.owner,
    data: figures(atom.data),
    final: atom.final,
    // The values a later fetch replaced, oldest first, each with the time it had been fetched.
    revisions: atom.revisions.map((r) =>
      r.absent || !r.data
        ? { fetched_at: iso(r.fetchedAt), absent: true }
        : { fetched_at: iso(r.fetchedAt), data: figures(r.data) },
    ),
  };
}

export function formatHistory(range: DayRange, atoms: readonly StoredAtom[], format: OutputFormat): string {
  if (format === 'json') {
    const body = { range: { from: range.from, to: range.to }, items: atoms.map(historyItem) };
    return `${JSON.stringify(body, null, 2)}\n`;
  }
  const cells = (data: GroupChatStats | undefined, absent: string): string[] =>
    METRIC_KEYS.map((key) => (data ? String(data[key] ?? 0) : absent));
  if (format === 'csv') {
    const header = ['date', 'owner', 'final', 'fetched_at', ...METRIC_KEYS, 'revisions'];
    const rows = atoms.map((a) => [
      a.day,
      defuseFormula(a.owner),
      a.absent ? '-' : String(a.final),
      iso(a.fetchedAt),
      ...cells(a.data, '-'),
      String(a.revisions.length),
    ]);
    return toCsv([header, ...rows]);
  }
  const rows = atoms.map((a) => [
    a.day,
    a.owner,
    a.absent ? 'absent' : a.final ? 'final' : `provisional (${cstClockTime(a.fetchedAt)} CST)`,
    ...cells(a.data, '-'),
    a.revisions.length === 0 ? '' : revisionNote(a),
  ]);
  const title = `Stored figures, ${range.from} … ${range.to} (CST), ${atoms.length} owner-day(s)`;
  return `${title}\n${toTable(['date', 'owner', 'status', ...METRIC_KEYS, 'revised'], rows, undefined, [0, 1, 2, 11])}`;
}

/** "chat_total 1203→1210 at 11:02": the figures the last revision changed. */
function revisionNote(atom: StoredAtom): string {
  const last = atom.revisions[atom.revisions.length - 1];
  const changed = METRIC_KEYS.filter((k) => last.data?.[k] !== atom.data?.[k])
    .slice(0, 2)
    .map((k) => `${k} ${last.data ? last.data[k] : '-'}→${atom.data ? atom.data[k] : '-'}`);
  return `${changed.join(', ')} at ${cstClockTime(last.replacedAt)} (${atom.revisions.length}×)`;
}

export function formatPlan(plan: FetchPlan, format: 'table' | 'json'): string {
  if (format === 'json') {
    return `${JSON.stringify(planSummary(plan))}\n`;
  }
  return `${planLine(plan)}\n`;
}

/** One sentence: the plan and its count, and what the other way would have cost. */
export function planLine(plan: FetchPlan): string {
  if (plan.calls === 0) {
    return 'Nothing to fetch: the store holds every day asked for, final.';
  }
  const how =
    plan.kind === 'by-day-statistic'
      ? 'groupchat/statistic one day at a time'
      : 'statistic_group_by_day one owner at a time';
  return (
    `Plan: ${plan.calls.toLocaleString('en-US')} call(s) for ${plan.days} day(s) × ${plan.owners} owner(s), ` +
    `${how} (${plan.kind}; the other way: ${plan.otherCalls.toLocaleString('en-US')}).`
  );
}

export function formatSyncResult(plan: FetchPlan, result: SyncResult, format: 'table' | 'json'): string {
  if (format === 'json') {
    const body = {
      plan: planSummary(plan),
      calls: result.calls,
      atoms: result.atoms,
      inserted: result.inserted,
      revised: result.revised,
      unchanged: result.unchanged,
      absent: result.absent,
      skipped_units: result.skippedUnits,
    };
    return `${JSON.stringify(body, null, 2)}\n`;
  }
  const lines = [
    planLine(plan),
    `Synced: ${result.calls} call(s), ${result.atoms} atom(s) stored (${result.inserted} new, ${result.revised} revised, ` +
      `${result.unchanged} unchanged; ${result.absent} absent).`,
  ];
  if (result.skippedUnits > 0) {
    lines.push(`${result.skippedUnits} unit(s) left for the next sync: the call budget was used up.`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatReconcile(result: ReconcileResult, format: 'table' | 'json'): string {
  if (format === 'json') {
    const body = { date: result.date, consistent: result.consistent, fields: result.fields };
    return `${JSON.stringify(body, null, 2)}\n`;
  }
  const rows = result.fields.map((f) => [
    f.field,
    String(f.sum_of_owners),
    String(f.by_day),
    f.sum_of_owners === f.by_day
      ? ''
      : `MISMATCH (${f.sum_of_owners - f.by_day > 0 ? '+' : ''}${f.sum_of_owners - f.by_day})`,
  ]);
  const verdict = result.consistent ? 'consistent' : 'INCONSISTENT';
  const notes = [
    result.absentOwners > 0 ? `${result.absentOwners} owner(s) absent that day` : '',
    result.final ? '' : 'some atoms are provisional',
  ].filter(Boolean);
  const title = `Reconcile ${result.date} (CST): ${verdict}${notes.length ? ` (${notes.join('; ')})` : ''}`;
  return `${title}\n${toTable(['field', 'sum of owners', 'by day', 'note'], rows, undefined, [0, 3])}`;
}
