/**
 * The Group Owners tree against a fake WeCom server: rows equal the server's figures for
 * yesterday (CST), per owner and summed; names and odd ids shown verbatim; sorting; filtering;
 * the explicit owners setting.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { startFakeWeComServer, type FakeWeComServer } from '../../src/demo/fakeServer';
import { COMMANDS } from '../../src/extension/commands/commandIds';
import type { WeComGroupStatsApi } from '../../src/extension/testApi';
import { cstYesterday } from '../../src/shared/days';
import {
  addStats,
  compareByFigure,
  emptyStats,
  METRIC_KEYS,
  metricLabel,
  type GroupChatStats,
  type MetricKey,
} from '../../src/shared/metrics';
import {
  figuresFromRows,
  getApi,
  releaseHost,
  resetHostTo,
  setSetting,
  setupCredentials,
  waitFor,
  waitForState,
  morningCst,
} from './support/wecomHost';

function expectedOrder(fake: FakeWeComServer, day: string, metric: MetricKey, ascending: boolean): string[] {
  // The view's own comparator (unit-tested in test/unit/shared/metrics.test.ts), ties by id.
  return [...fake.owners].sort(
    (a, b) =>
      compareByFigure(fake.statsFor(a, day)[metric], fake.statsFor(b, day)[metric], ascending) ||
      (a < b ? -1 : a > b ? 1 : 0),
  );
}

/** The words after the number in a row's description, per sorted figure (English). */
const SHORT: Partial<Record<MetricKey, string>> = {
  member_total: 'members',
  msg_total: 'msgs',
  chat_has_msg: 'active groups',
  new_chat_cnt: 'new groups',
};

/** The view's message without its last sentence, "Synced HH:MM CST." (checked, then removed). */
function withoutSynced(message: string | undefined): string {
  const match = /^(.*) Synced (\d{4}-\d{2}-\d{2} )?\d{2}:\d{2} CST\.$/.exec(message ?? '');
  assert.ok(match, `no sync time in "${message}"`);
  return match[1];
}

suite('Group Owners tree', () => {
  let api: WeComGroupStatsApi;
  let fake: FakeWeComServer;
  let day: string;

  suiteSetup(async () => {
    api = await getApi();
    // Yesterday provisional whatever the hour: Refresh and Cancel then have a load to act on.
    api.setNow(morningCst());
    fake = await startFakeWeComServer({ ownerCount: 40, seed: 3 });
    await resetHostTo(fake);
    assert.ok(await setupCredentials(fake.corpId, fake.corpSecret));
    await waitForState(api, 'ready');
    day = cstYesterday();
  });
  suiteTeardown(async () => {
    api.setNow(undefined);
    await releaseHost(fake);
  });
  teardown(async () => {
    await vscode.commands.executeCommand(COMMANDS.clearFilter);
    await vscode.commands.executeCommand(COMMANDS.sort, {
      metric: 'chat_total',
      ascending: false,
    });
  });

  test('one row per owner, each with the server figures for yesterday', () => {
    const rows = api.rows();
    assert.strictEqual(rows[0].kind, 'summary');
    const owners = rows.slice(1);
    assert.deepStrictEqual(owners.map((r) => r.owner).sort(), [...fake.owners].sort());
    for (const row of owners) {
      const owner = row.owner as string;
      assert.strictEqual(row.contextValue, 'owner');
      const shown = figuresFromRows(api.figures(owner));
      assert.deepStrictEqual(shown, fake.statsFor(owner, day), `figures of ${owner}`);
      const expected = fake.statsFor(owner, day);
      assert.ok(
        row.description.includes(`${expected.chat_total.toLocaleString('en-US')} groups`),
        `${owner}: ${row.description}`,
      );
      for (const key of METRIC_KEYS) {
        assert.ok(
          row.tooltip.includes(`: ${expected[key].toLocaleString('en-US')}`),
          `${owner} tooltip has ${key}`,
        );
      }
    }
  });

  test('the summary row shows the team total and the day', () => {
    const summary = api.rows()[0];
    assert.strictEqual(summary.contextValue, 'summary');
    assert.match(summary.description, new RegExp(`as of ${day} CST`));
    const total = emptyStats();
    for (const owner of fake.owners) {
      addStats(total, fake.statsFor(owner, day));
    }
    assert.deepStrictEqual(figuresFromRows(api.figures(undefined)), total);
    assert.match(summary.label, new RegExp(`\\(${fake.owners.length}\\)`));
  });

  test('owner ids are shown verbatim, names from the ownerNames setting', async () => {
    await setSetting('ownerNames', fake.ownerNames);
    const named = Object.keys(fake.ownerNames)[0];
    assert.ok(named, 'the fake server names some owners');
    // The user ID is in the label (VS Code's tree find searches labels only), not the description.
    await waitFor(
      'names applied',
      () => api.rows().find((r) => r.owner === named)?.label === `${fake.ownerNames[named]} · ${named}`,
    );
    const row = api.rows().find((r) => r.owner === named);
    assert.ok(row && !row.description.includes(named), row?.description);
    const odd = fake.owners.find((o) => /[<&"' ]/.test(o));
    if (odd) {
      const oddRow = api.rows().find((r) => r.owner === odd);
      assert.ok(oddRow, `row for ${odd}`);
      assert.ok(oddRow.label === odd || oddRow.label.endsWith(` · ${odd}`), `verbatim id ${odd}`);
      assert.ok(oddRow.tooltip.includes(odd));
    }
    await setSetting('ownerNames', undefined);
  });

  test('sorting by any figure, both directions, matches the server figures', async () => {
    for (const [metric, ascending] of [
      ['member_total', true],
      ['msg_total', false],
      ['chat_has_msg', true],
      ['new_chat_cnt', false],
    ] as const) {
      await vscode.commands.executeCommand(COMMANDS.sort, { metric, ascending });
      const shown = api
        .rows()
        .slice(1)
        .map((r) => r.owner);
      assert.deepStrictEqual(shown, expectedOrder(fake, day, metric, ascending), `${metric} ${ascending}`);
      assert.match(api.view().description ?? '', ascending ? /↑$/ : /↓$/);
      // The view's description is hidden when it is alone in its container: the message says it.
      assert.strictEqual(
        withoutSynced(api.view().message),
        `Sorted by ${metricLabel(metric, 'en')}, ${ascending ? 'smallest' : 'largest'} first.`,
      );
      for (const row of api.rows().slice(1)) {
        const value = fake.statsFor(row.owner as string, day)[metric].toLocaleString('en-US');
        assert.ok(row.description.startsWith(`${value} ${SHORT[metric]}`), `${metric}: ${row.description}`);
      }
    }
    assert.ok(api.globalState()['wecomGroupStats.ownersSort'], 'the sort order is remembered');
  });

  test('filtering is a case-insensitive substring of id or name, and can be cleared', async () => {
    const needle = fake.owners[0].slice(0, 3).toUpperCase();
    await vscode.commands.executeCommand(COMMANDS.filter, needle);
    const shown = api
      .rows()
      .slice(1)
      .map((r) => r.owner as string);
    const expected = fake.owners.filter((o) => o.toLowerCase().includes(needle.toLowerCase()));
    assert.ok(expected.length > 0);
    assert.deepStrictEqual([...shown].sort(), [...expected].sort());
    assert.match(api.view().description ?? '', new RegExp(needle));
    assert.strictEqual(
      withoutSynced(api.view().message),
      `Owners matching "${needle}" (${expected.length} of ${fake.owners.length}), sorted by Total groups, largest first.`,
    );
    const matched = api.rows()[1];
    assert.ok(matched.label.toLowerCase().includes(needle.toLowerCase()), matched.label);
    const total: GroupChatStats = emptyStats();
    for (const owner of expected) {
      addStats(total, fake.statsFor(owner, day));
    }
    assert.deepStrictEqual(
      figuresFromRows(api.figures(undefined)),
      total,
      'summary sums the filtered owners',
    );

    await vscode.commands.executeCommand(COMMANDS.filter, 'no-such-owner-anywhere');
    assert.strictEqual(api.rows().length, 1, 'only the summary is left');
    assert.match(api.view().message ?? '', /No owner matches/);

    await vscode.commands.executeCommand(COMMANDS.clearFilter);
    assert.strictEqual(api.rows().length, 1 + fake.owners.length);
    assert.strictEqual(api.view().description, 'Total groups ↓');
    assert.strictEqual(withoutSynced(api.view().message), 'Sorted by Total groups, largest first.');
  });

  test('Cancel loading stops a slow load and keeps the previous rows', async () => {
    const before = api.rows();
    fake.setLatency(3000);
    try {
      const refreshing = vscode.commands.executeCommand(COMMANDS.refresh);
      await waitFor('loading', () => api.state() === 'loading');
      await vscode.commands.executeCommand(COMMANDS.cancelLoad);
      await refreshing;
      await api.whenIdle();
      assert.strictEqual(api.state(), 'ready');
      assert.deepStrictEqual(api.rows(), before);
      assert.ok(api.logLines().some((line) => line.includes('cancelled')));
      assert.ok(
        !api.messages().some((m) => m.severity === 'error' && /cancel|abort/i.test(m.text)),
        'no error toast',
      );
    } finally {
      fake.setLatency(0);
    }
  });

  test('the owners setting limits the rows to those owners', async () => {
    const chosen = [fake.owners[1], fake.owners[4]];
    await setSetting('owners', chosen);
    await waitFor('two owners', () => api.rows().length === 3);
    await api.whenIdle();
    assert.deepStrictEqual(
      api
        .rows()
        .slice(1)
        .map((r) => r.owner)
        .sort(),
      [...chosen].sort(),
    );
    await setSetting('owners', undefined);
    await waitFor('all owners again', () => api.rows().length === 1 + fake.owners.length);
  });

  test('an owner WeCom does not return is shown as not returned, with no figures, outside the sum', async () => {
    assert.strictEqual(fake.owners[0], 'zhangsan');
    await setSetting('owners', ['zhangsan', 'nosuchuser']);
    await waitFor('two owner rows', () => api.rows().some((r) => r.owner === 'nosuchuser'));
    await api.whenIdle();
    const [summary, ...owners] = api.rows();
    assert.deepStrictEqual(owners.map((r) => r.owner).sort(), ['nosuchuser', 'zhangsan']);

    const zhangsan = owners.find((r) => r.owner === 'zhangsan');
    assert.ok(zhangsan?.collapsible, 'an owner with figures expands');
    assert.deepStrictEqual(figuresFromRows(api.figures('zhangsan')), fake.statsFor('zhangsan', day));

    const absent = owners.find((r) => r.owner === 'nosuchuser');
    assert.ok(absent);
    assert.strictEqual(absent.description, 'not returned by WeCom');
    assert.match(absent.tooltip, /WeCom returned no figures for this owner/);
    assert.strictEqual(absent.collapsible, false, 'nothing to expand');
    assert.deepStrictEqual(api.figures('nosuchuser'), []);

    assert.deepStrictEqual(figuresFromRows(api.figures(undefined)), fake.statsFor('zhangsan', day));
    assert.ok(summary.description.startsWith('1 owner · 1 not returned · '), summary.description);
    assert.match(summary.tooltip, /Owners not returned by WeCom, not counted in these sums: 1\./);
    await setSetting('owners', undefined);
    await waitFor('all owners again', () => api.rows().length === 1 + fake.owners.length);
  });
});
