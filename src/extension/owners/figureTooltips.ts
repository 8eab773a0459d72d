/**
 * The lines the owners view's tooltips (and the status bar's) add about a figure: what it means,
 * from the glossary in the UI language, how the store saw it revised, and when the day was synced.
 */
import * as vscode from 'vscode';
import { figureKind, FIGURE_MEANINGS } from '../../shared/glossary';
import { pick, type UiLanguage } from '../../shared/i18n';
import type { GroupChatStats, MetricKey } from '../../shared/metrics';
import type { Revision } from '../../store/types';
import { cstMoment, figureRevisions } from './figureHistory';

/** "As of that day." / "New that day." */
export function kindText(metric: MetricKey): string {
  return figureKind(metric) === 'flow' ? vscode.l10n.t('new that day') : vscode.l10n.t('as of that day');
}

/** The figure's definition, and on a line of its own what the doc leaves open (when it does). */
export function meaningText(metric: MetricKey, lang: UiLanguage): string {
  const meaning = FIGURE_MEANINGS[metric];
  const definition = pick(meaning.definition, lang);
  return meaning.note ? `${definition}\n${vscode.l10n.t('Note: {0}', pick(meaning.note, lang))}` : definition;
}

/** "10:42" today, "2026-06-14 10:42" another day (CST either way). */
export function momentText(ms: number, nowMs: number): string {
  const moment = cstMoment(ms, nowMs);
  return moment.day ? `${moment.day} ${moment.time}` : moment.time;
}

/** "revised: 1,203 → 1,210 at 11:02", one line per change of `metric`, oldest first. */
export function revisionLines(
  revisions: readonly Revision[] | undefined,
  current: GroupChatStats | undefined,
  metric: MetricKey,
  number: (n: number) => string,
  nowMs: number,
): string[] {
  const value = (n: number | undefined): string =>
    n === undefined ? vscode.l10n.t('not returned') : number(n);
  return figureRevisions(revisions ?? [], current, metric).map((change) =>
    vscode.l10n.t(
      'revised: {0} → {1} at {2} CST',
      value(change.from),
      value(change.to),
      momentText(change.at, nowMs),
    ),
  );
}

/** "synced 10:42 CST" (the oldest fetch of the day's figures: the day is as fresh as that). */
export function syncedText(fetchedAt: number, nowMs: number): string {
  return vscode.l10n.t('synced {0} CST', momentText(fetchedAt, nowMs));
}

/** `sentence` followed by "Synced 10:42 CST." (Chinese joins sentences without a space). */
export function withSyncedSentence(sentence: string, fetchedAt: number, nowMs: number): string {
  return vscode.l10n.t('{0} Synced {1} CST.', sentence, momentText(fetchedAt, nowMs));
}
