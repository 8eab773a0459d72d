/**
 * The owners tree as an operator reads it, inside the real extension host: every figure row and
 * owner row explains its figure from the glossary, the view says when the day was synced, the
 * Rankings group names the days the history lacks and offers the backfill, then ranks the top and
 * bottom owners from the store (a click opens that owner's chart); "What Do These Figures Mean?"
 * opens the glossary as a Markdown preview.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { startFakeWeComServer, type FakeWeComServer } from '../../src/demo/fakeServer';
import { COMMANDS } from '../../src/extension/commands/commandIds';
import { GLOSSARY_SCHEME, SHOW_GLOSSARY_COMMAND } from '../../src/extension/glossary/glossaryDocument';
import { BACKFILL_COMMAND } from '../../src/extension/history/historySync';
import type { WeComGroupStatsApi } from '../../src/extension/testApi';
import { cstYesterday } from '../../src/shared/days';
import { FIGURE_MEANINGS } from '../../src/shared/glossary';
import { METRIC_KEYS } from '../../src/shared/metrics';
import { connectTo, getApi, releaseHost, waitFor } from './support/wecomHost';

const cst = (localTime: string) => Date.parse(`${localTime}+08:00`);
const number = (n: number) => n.toLocaleString('en-US');

suite('Owners tree: figures explained, sync time, rankings, glossary', function () {
  // The rankings test backfills 180 days: a few seconds alone, several times that on a loaded machine.
  this.timeout(90_000);
  let api: WeComGroupStatsApi;
  let fake: FakeWeComServer;
  const pinned = cst('2026-03-10T11:07:00');

  suiteSetup(async () => {
    api = await getApi();
    api.setNow(pinned);
    fake = await startFakeWeComServer({ ownerCount: 12, seed: 31, now: () => pinned });
    await connectTo(api, fake);
  });
  suiteTeardown(async () => {
    api.setNow(undefined);
    await releaseHost(fake);
  });

  test('figure rows and owner rows give the definition (and the doc’s open question)', () => {
    const owner = api.rows()[1].owner as string;
    const figures = api.figures(owner);
    assert.strictEqual(figures.length, METRIC_KEYS.length);
    for (const row of figures) {
      const meaning = FIGURE_MEANINGS[row.metric as keyof typeof FIGURE_MEANINGS];
      assert.ok(row.tooltip.includes(meaning.definition.en), `${row.metric}: ${row.tooltip}`);
      assert.strictEqual(
        row.tooltip.includes(meaning.note?.en ?? '\u0000'),
        meaning.note !== undefined,
        row.metric,
      );
    }
    const msg = figures.find((row) => row.metric === 'msg_total');
    assert.match(msg?.tooltip ?? '', /not documented/);
    // The owner row explains the figure it is sorted by.
    const ownerRow = api.rows()[1];
    assert.ok(
      ownerRow.tooltip.includes(`Total groups (as of that day): ${FIGURE_MEANINGS.chat_total.definition.en}`),
    );
  });

  test('the view says when the day was synced (CST), the summary tooltip too', () => {
    assert.match(api.view().message ?? '', /^Sorted by Total groups, largest first\. Synced 11:07 CST\.$/);
    assert.match(api.rows()[0].tooltip, /synced 11:07 CST/);
  });

  test('the status bar tooltip explains its figure', () => {
    // Markdown source: the text is escaped ("\\."), so compare it unescaped.
    const tooltip = api.statusBar().tooltip.replace(/\\(.)/g, '$1');
    assert.ok(tooltip.includes(`Total groups**: ${FIGURE_MEANINGS.chat_total.definition.en}`), tooltip);
  });

  test('Rankings: missing days named with a Backfill row; after the backfill, top and bottom five', async () => {
    await api.whenIdle();
    const before = api.rankings();
    assert.ok(before, 'the Rankings group is shown');
    assert.match(before.group.label, /^Rankings$/);
    assert.match(before.group.description, /^\d+ of 14 days not in the history$/);
    assert.deepStrictEqual(
      before.rows.map((row) => [row.kind, row.command?.command]),
      [['rankingsBackfill', BACKFILL_COMMAND]],
    );
    assert.ok(
      api.rows().every((row) => row.kind !== 'rankings'),
      'rows() stays summary + owners',
    );

    api.answerNextQuestion('Backfill');
    await vscode.commands.executeCommand(BACKFILL_COMMAND);
    await api.whenBackfillIdle();
    await waitFor('the ranking', () => api.rankings()?.group.description === 'Total groups, last 7 days');
    await api.whenIdle();
    const after = api.rankings();
    assert.ok(after);
    const day = cstYesterday(pinned);
    const expected = [...fake.owners]
      .map((owner) => ({ owner, value: fake.statsFor(owner, day).chat_total }))
      .sort((a, b) => b.value - a.value || (a.owner < b.owner ? -1 : 1));
    const sides = after.rows.filter((row) => row.level === 1).map((row) => row.label);
    assert.deepStrictEqual(sides, ['Top 5', 'Bottom 5']);
    const ranked = after.rows.filter((row) => row.kind === 'ranked');
    assert.strictEqual(ranked.length, 10);
    const top = ranked.slice(0, 5);
    const bottom = ranked.slice(5);
    assert.deepStrictEqual(
      top.map((row) => [row.owner, row.description]),
      expected.slice(0, 5).map((e) => [e.owner, `${number(e.value)} groups`]),
    );
    assert.deepStrictEqual(
      bottom.map((row) => row.owner),
      expected
        .slice(-5)
        .reverse()
        .map((e) => e.owner),
    );
    for (const row of ranked) {
      assert.match(row.label, /^(↑\d+|↓\d+|=|new) /, row.label);
      assert.ok(row.label.endsWith(row.owner as string));
      assert.match(
        row.tooltip,
        /^.+\nRank \d+ of 12 over 2026-03-03 – 2026-03-09: .+\n(Rank \d+ over 2026-02-24 – 2026-03-02\.|Not ranked)/,
      );
      assert.deepStrictEqual(row.command, {
        command: 'wecomGroupStats.showByDayChart',
        arguments: [{ kind: 'figure', owner: row.owner, metric: 'chat_total' }],
      });
    }
  });

  test('the ranking follows the sort figure (a flow is summed over the 7 days)', async () => {
    await vscode.commands.executeCommand(COMMANDS.sort, { metric: 'new_member_cnt', ascending: false });
    await waitFor('the new ranking', () => api.rankings()?.group.description === 'New members, last 7 days');
    await api.whenIdle();
    const first = api.rankings()?.rows.find((row) => row.kind === 'ranked');
    assert.ok(first?.owner);
    let sum = 0;
    for (let d = 3; d <= 9; d++) {
      sum += fake.statsFor(first.owner, `2026-03-0${d}`).new_member_cnt;
    }
    assert.strictEqual(first.description, `+${number(sum)} new members`);
    await vscode.commands.executeCommand(COMMANDS.sort, { metric: 'chat_total', ascending: false });
  });

  test('What Do These Figures Mean? opens the glossary as a read-only Markdown preview', async () => {
    await vscode.commands.executeCommand(SHOW_GLOSSARY_COMMAND);
    const doc = await waitFor('the glossary document', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.scheme === GLOSSARY_SCHEME),
    );
    const text = doc.getText();
    assert.match(text, /^# What do these figures mean\?/);
    for (const key of METRIC_KEYS) {
      assert.ok(text.includes(`\`${key}\``), key);
    }
    assert.match(text, /Members who left \(inferred\)/);
    await waitFor('the preview tab', () =>
      vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .some((tab) => tab.input instanceof vscode.TabInputWebview && /markdown/i.test(tab.input.viewType)),
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
