/**
 * The owners table webview: a filter box, Export CSV, and a table of the tree's owners whose
 * header and totals row stay in place while only the rows in view are in the DOM (fixed row
 * height, spacer rows above and below). Filtering and sorting run here, on the snapshot the host
 * sent; the host exports the same view from the same model.
 */
import { addDays } from '../../shared/days';
import { METRIC_KEYS } from '../../shared/metrics';
import {
  tableView,
  virtualWindow,
  type TableSort,
  type TableView,
  type TableViewState,
} from '../../shared/ownersTable';
import type {
  OwnersTableLabels,
  OwnersTableSnapshot,
  TableWebviewMessage,
} from '../../shared/ownersTableProtocol';
import { h, replaceChildren } from '../dom';
import { fill } from '../text';
import { headerRowElement, ownerRowElement, totalsRowElement, type CellContext } from './tableCells';

/** Height of one owner row in px: `.owners tbody tr.owner` in media/ownersTable.css says the same. */
export const ROW_HEIGHT = 40;
/** Rows drawn beyond the viewport on either side, so a fast scroll shows no gap. */
const OVERSCAN = 10;
const COLUMNS = METRIC_KEYS.length + 1;

export class OwnersTableApp {
  private snapshot: OwnersTableSnapshot | undefined;
  private view: TableView | undefined;
  private frame = 0;
  private readonly numbers: Intl.NumberFormat;
  private readonly filterInput: HTMLInputElement;
  private readonly count = h('span', { className: 'count', attrs: { 'aria-live': 'polite' } });
  private readonly exportButton: HTMLButtonElement;
  private readonly note = h('p', { className: 'note' });
  private readonly status = h('p', { className: 'status', attrs: { role: 'status' } });
  private readonly scroller = h('div', { className: 'scroller' });
  private readonly head = h('thead');
  private readonly body = h('tbody');
  private readonly before = h(
    'tr',
    { className: 'spacer', attrs: { 'aria-hidden': 'true' } },
    h('td', { attrs: { colspan: String(COLUMNS) } }),
  );
  private readonly after = h(
    'tr',
    { className: 'spacer', attrs: { 'aria-hidden': 'true' } },
    h('td', { attrs: { colspan: String(COLUMNS) } }),
  );
  private readonly table = h('table', { className: 'owners' });

  constructor(
    private readonly labels: OwnersTableLabels,
    lang: string,
    private state: TableViewState,
    root: HTMLElement,
    private readonly send: (message: TableWebviewMessage) => void,
    private readonly saveState: (state: TableViewState) => void,
    private readonly exportCsv: (state: TableViewState) => Promise<string | undefined>,
  ) {
    this.numbers = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US');
    this.filterInput = h('input', {
      attrs: {
        type: 'search',
        placeholder: labels.filterPlaceholder,
        'aria-label': labels.filterLabel,
        spellcheck: 'false',
      },
    });
    this.filterInput.value = state.filter;
    this.filterInput.addEventListener('input', () =>
      this.update({ ...this.state, filter: this.filterInput.value }),
    );
    this.exportButton = h('button', {
      attrs: { type: 'button' },
      text: labels.exportCsv,
      onClick: () => void this.runExport(),
    });
    const colgroup = h('colgroup', {}, h('col', { className: 'owner-col' }));
    for (let i = 0; i < METRIC_KEYS.length; i++) {
      colgroup.append(h('col', { className: 'num-col' }));
    }
    this.table.append(colgroup, this.head, this.body);
    this.scroller.append(this.table);
    this.scroller.addEventListener('scroll', () => this.scheduleWindow(), { passive: true });
    window.addEventListener('resize', () => this.scheduleWindow());
    root.removeAttribute('aria-busy');
    replaceChildren(
      root,
      h('div', { className: 'toolbar' }, this.filterInput, this.count, this.exportButton),
      this.note,
      this.status,
      this.scroller,
    );
    this.showStatus('loading', labels.loading);
  }

  /** The tree's day arrived (again): keep the user's filter, sort and scroll position. */
  setData(snapshot: OwnersTableSnapshot): void {
    this.snapshot = snapshot;
    this.status.hidden = true;
    document.body.dataset.state = 'ready';
    this.render();
  }

  /** Loading or an error: said above the rows (kept, when there are any), never a silent page. */
  showStatus(status: 'loading' | 'error', message: string): void {
    document.body.dataset.state = status;
    this.status.hidden = false;
    this.status.className = `status ${status}`;
    this.status.textContent = message;
  }

  private update(state: TableViewState): void {
    this.state = state;
    this.saveState(state);
    this.send({ type: 'state', state });
    this.render();
  }

  private sortBy(column: TableSort['column']): void {
    const { sort } = this.state;
    // A figure starts largest first (who has most), the owner column A to Z.
    const ascending = sort.column === column ? !sort.ascending : column === 'owner';
    this.update({ ...this.state, sort: { column, ascending } });
    this.head.querySelector<HTMLButtonElement>(`button[data-column="${column}"]`)?.focus();
  }

  private render(): void {
    const snapshot = this.snapshot;
    if (!snapshot) {
      return;
    }
    this.view = tableView(snapshot.rows, this.state);
    const ctx = this.context(snapshot);
    this.head.replaceChildren(
      headerRowElement(this.labels, this.state.sort, (column) => this.sortBy(column)),
      totalsRowElement(this.view.totals, this.view.rows.length, ctx),
    );
    this.table.setAttribute('aria-rowcount', String(this.view.rows.length + 2));
    this.count.textContent = fill(this.labels.rowCount, {
      shown: this.format(this.view.rows.length),
      all: this.format(snapshot.rows.length),
    });
    const asOf = fill(snapshot.provisional ? this.labels.asOfProvisional : this.labels.asOf, {
      day: snapshot.day,
    });
    this.note.textContent = snapshot.treeFilter
      ? `${asOf} · ${fill(this.labels.treeFiltered, { filter: snapshot.treeFilter })}`
      : asOf;
    if (!this.view.rows.length && snapshot.rows.length) {
      this.showStatus('error', this.labels.noMatch);
      document.body.dataset.state = 'ready';
    } else {
      this.status.hidden = true;
    }
    this.drawWindow();
  }

  private scheduleWindow(): void {
    if (!this.frame) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.drawWindow();
      });
    }
  }

  /** Only the rows in view (plus overscan) are in the DOM; the spacers keep the scrollbar true. */
  private drawWindow(): void {
    const view = this.view;
    const snapshot = this.snapshot;
    if (!view || !snapshot) {
      return;
    }
    const win = virtualWindow({
      rowCount: view.rows.length,
      rowHeight: ROW_HEIGHT,
      scrollTop: this.scroller.scrollTop,
      viewportHeight: this.scroller.clientHeight,
      overscan: OVERSCAN,
    });
    const ctx = this.context(snapshot);
    const rows: HTMLTableRowElement[] = [];
    for (let i = win.first; i < win.end; i++) {
      rows.push(ownerRowElement(view.rows[i], i, ctx));
    }
    (this.before.firstElementChild as HTMLElement).style.height = `${win.before}px`;
    (this.after.firstElementChild as HTMLElement).style.height = `${win.after}px`;
    this.before.hidden = win.before === 0;
    this.after.hidden = win.after === 0;
    this.body.replaceChildren(this.before, ...rows, this.after);
    document.body.dataset.rows = String(view.rows.length);
    this.send({
      type: 'rendered',
      shown: view.rows.length,
      domRows: rows.length,
      firstOwners: view.rows.slice(0, 20).map((row) => row.owner),
      totals: view.rows.length ? view.totals.data : null,
    });
  }

  private context(snapshot: OwnersTableSnapshot): CellContext {
    return {
      labels: this.labels,
      snapshot,
      format: (n) => this.format(n),
      changeHint: fill(this.labels.changeHint, { day: addDays(snapshot.day, -1) }),
    };
  }

  private format(n: number): string {
    return this.numbers.format(n);
  }

  private async runExport(): Promise<void> {
    this.exportButton.disabled = true;
    try {
      const failure = await this.exportCsv(this.state);
      if (failure) {
        this.showStatus('error', failure);
        document.body.dataset.state = 'ready';
      }
    } finally {
      this.exportButton.disabled = false;
    }
  }
}
