/**
 * The status-bar summary: the team's yesterday (CST) total of the figure chosen in
 * `wecomGroupStats.statusBar.metric`, its change from the day before when known, and a
 * provisional marker; the tooltip lists all eight figures; a click opens the by-day chart of all
 * owners. It only reads the owners model (its rows, day and events), never loads them itself.
 */
import * as vscode from 'vscode';
import { addDays } from '../../shared/days';
import { METRIC_KEYS, METRICS, metricLabel, type GroupChatStats } from '../../shared/metrics';
import { pick } from '../../shared/i18n';
import { SHOW_BY_DAY_CHART_COMMAND } from '../chart/registration';
import { Disposable } from '../dispose';
import type { RedactingLog } from '../log';
import { sumRows } from '../owners/ownerRows';
import { meaningText } from '../owners/figureTooltips';
import { FigureFormatter } from '../owners/ownerItems';
import type { OwnersModel } from '../owners/ownersModel';
import { SETTINGS_SECTION } from '../settings';
import type { PreviousDayTotals } from './previousDay';
import {
  dayChange,
  parseStatusBarChoice,
  signedNumber,
  STATUS_BAR_SETTING,
  type StatusBarChoice,
} from './summaryFigures';

export const STATUS_BAR_ITEM_ID = 'wecomGroupStats.summary';

/** What the item shows now (the test API reads it). */
export interface StatusBarSnapshot {
  readonly visible: boolean;
  readonly text: string;
  readonly tooltip: string;
  readonly accessibilityLabel: string;
}

type ModelView = Pick<OwnersModel, 'data' | 'onDidChange'>;

export class StatusBarSummary extends Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly format = new FigureFormatter();
  private choice: StatusBarChoice;
  private shown = false;
  /** The day before of one connection and day; only the newest is kept. */
  private previous: { key: string; totals: GroupChatStats | undefined } | undefined;
  private previousLoad: { key: string; controller: AbortController; done: Promise<void> } | undefined;

  constructor(
    private readonly model: ModelView,
    private readonly previousDay: PreviousDayTotals,
    private readonly log: RedactingLog,
  ) {
    super();
    // Left: the figures concern the whole workspace, not the active editor; beside the demo item.
    this.item = this._register(
      vscode.window.createStatusBarItem(STATUS_BAR_ITEM_ID, vscode.StatusBarAlignment.Left, -1),
    );
    this.item.name = vscode.l10n.t('WeCom team summary');
    this.item.command = {
      command: SHOW_BY_DAY_CHART_COMMAND,
      // The summary element: the chart of all owners, whatever the tree's filter.
      arguments: [{ kind: 'summary' }],
      title: vscode.l10n.t('Show by-day chart'),
    };
    this.choice = readChoice();
    this._register(model.onDidChange(() => this.update()));
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.${STATUS_BAR_SETTING}`)) {
          this.choice = readChoice();
          this.update();
        }
      }),
    );
    this._register({ dispose: () => this.previousLoad?.controller.abort() });
    this.update();
  }

  snapshot(): StatusBarSnapshot {
    const tooltip = this.item.tooltip;
    return {
      visible: this.shown,
      text: this.item.text,
      tooltip: typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? ''),
      accessibilityLabel: this.item.accessibilityInformation?.label ?? '',
    };
  }

  private update(): void {
    const data = this.model.data;
    if (this.choice === 'hidden' || !data) {
      this.setShown(false);
      return;
    }
    const key = `${data.connectionKey}\n${data.day}`;
    const previous = this.previous?.key === key ? this.previous.totals : undefined;
    if (this.previous?.key !== key) {
      this.loadPrevious(key, data.day, data.connectionKey);
    }
    const metric = this.choice;
    const total = sumRows(data.sorted);
    const value = `${this.format.number(total[metric])} ${pick(METRICS[metric].short, this.format.lang)}`;
    const change = dayChange(total, previous, metric);
    const changeText = change === undefined ? '' : ` ${signedNumber(change, (n) => this.format.number(n))}`;
    const marker = data.provisional ? ` ${vscode.l10n.t('(prov.)')}` : '';
    this.item.text = `$(organization) ${value}${changeText}${marker}`;
    this.item.accessibilityInformation = {
      label: [
        vscode.l10n.t(
          'WeCom, all owners, {0} CST: {1} {2}',
          data.day,
          metricLabel(metric, this.format.lang),
          this.format.number(total[metric]),
        ),
        change === undefined
          ? ''
          : vscode.l10n.t(
              '{0} from the day before',
              signedNumber(change, (n) => this.format.number(n)),
            ),
        data.provisional ? vscode.l10n.t('provisional') : '',
      ]
        .filter(Boolean)
        .join(', '),
    };
    this.item.tooltip = this.tooltip(data.day, data.provisional, data.sorted.length, total, previous);
    this.setShown(true);
  }

  private tooltip(
    day: string,
    provisional: boolean,
    owners: number,
    total: GroupChatStats,
    previous: GroupChatStats | undefined,
  ): vscode.MarkdownString {
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: [SHOW_BY_DAY_CHART_COMMAND, 'workbench.action.openSettings'] };
    md.appendMarkdown(`**${vscode.l10n.t('WeCom: all owners ({0})', this.format.number(owners))}**\n\n`);
    md.appendMarkdown(`${vscode.l10n.t('Yesterday, {0} CST', day)}`);
    if (provisional) {
      md.appendMarkdown(
        ` · ${vscode.l10n.t("provisional: yesterday's figures may still change until about 10:00 CST")}`,
      );
    }
    const changeHeader = previous ? ` ${vscode.l10n.t('Change vs {0}', addDays(day, -1))} |` : '';
    md.appendMarkdown(
      `\n\n| ${vscode.l10n.t('Figure')} | ${day} |${changeHeader}\n|:--|--:|${previous ? '--:|' : ''}\n`,
    );
    for (const metric of METRIC_KEYS) {
      const change = dayChange(total, previous, metric);
      const changeCell =
        change === undefined ? '' : ` ${signedNumber(change, (n) => this.format.number(n))} |`;
      const mark = metric === this.choice ? '**' : '';
      md.appendMarkdown(
        `| ${mark}${metricLabel(metric, this.format.lang)}${mark} | ${this.format.number(total[metric])} |${changeCell}\n`,
      );
    }
    if (!previous) {
      md.appendMarkdown(
        `\n${vscode.l10n.t('The change from the day before shows once its figures are loaded.')}\n`,
      );
    }
    if (this.choice !== 'hidden') {
      // What the figure in the item means, from the glossary (its open questions included).
      // Not appendText: it turns spaces into &nbsp;, and a long definition would not wrap.
      const meaning = meaningText(this.choice, this.format.lang)
        .replace(/[\\`*_{}[\]<>#|]/g, '\\$&')
        .replace(/\n/g, '\n\n');
      md.appendMarkdown(`\n\n**${metricLabel(this.choice, this.format.lang)}**: ${meaning}\n`);
    }
    const chart = `command:${SHOW_BY_DAY_CHART_COMMAND}?${encodeURIComponent(JSON.stringify([{ kind: 'summary' }]))}`;
    const settings = `command:workbench.action.openSettings?${encodeURIComponent(JSON.stringify([`${SETTINGS_SECTION}.${STATUS_BAR_SETTING}`]))}`;
    md.appendMarkdown(
      `\n[${vscode.l10n.t('Show by-day chart')}](${chart}) · [${vscode.l10n.t('Choose the figure')}](${settings})`,
    );
    return md;
  }

  private loadPrevious(key: string, day: string, connectionKey: string): void {
    if (this.previousLoad?.key === key) {
      return;
    }
    this.previousLoad?.controller.abort();
    const controller = new AbortController();
    const done = this.previousDay({ day, connectionKey }, controller.signal).then(
      (totals) => this.previousLoaded(key, controller, totals),
      (err: unknown) => {
        if (!controller.signal.aborted) {
          this.log.warn(
            `Status bar: the day before ${day} was not loaded, so no change is shown: ${String(err)}`,
          );
        }
        this.previousLoaded(key, controller, undefined);
      },
    );
    this.previousLoad = { key, controller, done };
  }

  /** Resolves when the day before has been loaded (or failed): tests wait for it. */
  async whenIdle(): Promise<void> {
    let seen: Promise<void> | undefined;
    while (this.previousLoad && seen !== this.previousLoad.done) {
      seen = this.previousLoad.done;
      await seen;
    }
  }

  private previousLoaded(key: string, controller: AbortController, totals: GroupChatStats | undefined): void {
    if (this.previousLoad?.controller !== controller || this.isDisposed) {
      return; // superseded by a newer day or connection
    }
    this.previousLoad = undefined;
    this.previous = { key, totals };
    this.update();
  }

  private setShown(shown: boolean): void {
    if (shown !== this.shown) {
      this.shown = shown;
      if (shown) {
        this.item.show();
      } else {
        this.item.hide();
      }
    }
  }
}

function readChoice(): StatusBarChoice {
  return parseStatusBarChoice(vscode.workspace.getConfiguration(SETTINGS_SECTION).get(STATUS_BAR_SETTING));
}
