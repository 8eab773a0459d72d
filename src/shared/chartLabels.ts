/**
 * The words of the by-day chart's webview, one field per string (the host localizes them with
 * `vscode.l10n`, src/extension/chart/labels.ts, and sends them in the init message).
 */

/** The labels the webview shows, already in the UI language (the host localizes them). */
export interface ChartLabels {
  readonly figure: string;
  readonly range: string;
  /** Contains `{n}`. */
  readonly lastNDays: string;
  readonly custom: string;
  readonly from: string;
  readonly to: string;
  readonly apply: string;
  readonly sum: string;
  readonly compare: string;
  readonly chartView: string;
  readonly tableView: string;
  readonly exportCsv: string;
  readonly exportPng: string;
  readonly refresh: string;
  readonly retry: string;
  readonly startAtZero: string;
  readonly loading: string;
  /** Contains `{done}` and `{total}`. */
  readonly loadingProgress: string;
  readonly empty: string;
  readonly emptyHint: string;
  readonly errorTitle: string;
  readonly yesterday: string;
  readonly vsDayBefore: string;
  /** Marks yesterday's cards when fetched before 10:00 CST. */
  readonly provisional: string;
  /** Contains `{time}` (CST HH:MM): why yesterday is provisional. */
  readonly provisionalHint: string;
  /** Contains `{time}` (CST HH:MM): when yesterday's figures were fetched. */
  readonly fetchedAt: string;
  readonly dateColumn: string;
  /** Contains `{days}` (one day, or "from … to"): marks them as CST days, e.g. "{days} (CST)". */
  readonly cstDays: string;
  readonly allOwners: string;
  readonly cachedHistory: string;
  readonly allHistory: string;
  /** Contains `{n}` and `{from}`. */
  readonly historyDays: string;
  /** Contains `{n}`. */
  readonly unstoredDays: string;
  readonly backfill: string;
  readonly noFigures: string;
  /** A request the host never answered (shown with Retry). */
  readonly noAnswer: string;
  /** Contains `{days}`: days WeCom did not report for every owner (shown with Retry). */
  readonly missingDays: string;
  /** Contains `{n}` and `{from}`: days before the server's window that are not cached. */
  readonly unavailableDays: string;
  /** A table cell of a missing day. */
  readonly notReported: string;
  /** Contains `{max}` and `{n}`: compare mode refused for too many owners. */
  readonly compareCap: string;
  /** The webview could not read a message from the extension. */
  readonly refused: string;
  readonly period: string;
  readonly day: string;
  readonly week: string;
  readonly month: string;
  /** The toggle, and the legend of the averaged lines. */
  readonly movingAverage: string;
  /** Why the toggle is off for weeks and months. */
  readonly movingAverageDaysOnly: string;
  /** Contains `{n}`: a flow's card over the range. */
  readonly totalOverDays: string;
  /** Contains `{period}`: a flow's card over a week or month. */
  readonly totalIn: string;
  /** Contains `{day}`: an as-of card's value is that day's. */
  readonly onDay: string;
  /** Contains `{change}` and `{day}`: an as-of figure's change over the range or period. */
  readonly changeSince: string;
  /** Contains `{day}` and `{value}`: the latest day's value on a card over a range. */
  readonly dayValue: string;
  readonly vsWeekBefore: string;
  /** Contains `{n}`: a span against the same number of days just before it. */
  readonly vsPreviousDays: string;
  /** Contains `{period}`: a span against a previous week, month or days (`2026-W47`, `2026-10`). */
  readonly vsPeriod: string;
  /** Contains `{days}` and `{n}`: the previous span cannot be compared, days the history lacks. */
  readonly previousMissing: string;
  /** Heading of the inferred figures under the cards (WeCom does not return them). */
  readonly inferredHeading: string;
  /** Contains `{n}`: days of the span without figures (a flow's total is then not shown). */
  readonly daysWithoutFigures: string;
  /** Marks a week or month that lacks a day (missing, provisional, outside the range). */
  readonly incomplete: string;
  /** Under the chart when some point is incomplete. */
  readonly incompleteNote: string;
  /** Contains `{figure}`: the cards' heading in one-line-per-owner mode. */
  readonly perOwnerCards: string;
  /** Contains `{old}`, `{new}` and `{time}` (CST HH:MM). */
  readonly revised: string;
  readonly glossaryLink: string;
  readonly insights: string;
  /** The rankings under the chart (the words of its tables are the rankings tab's). */
  readonly rankingsTab: string;
  /** Contains `{n}`. */
  readonly topN: string;
  /** Contains `{n}`. */
  readonly bottomN: string;
  readonly rank: string;
  readonly owner: string;
  readonly value: string;
  readonly previousRank: string;
  readonly movement: string;
  readonly newOwner: string;
  /** Contains `{days}`. */
  readonly incompleteMissing: string;
  readonly rankingsEmpty: string;
}
