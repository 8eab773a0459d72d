/**
 * The Group Owners view against a WeCom server whose replies are not whole (the fake server's
 * reply faults): exact figures when the client's retry recovers, else a clear, retryable error,
 * never a partial list shown as the team.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { startFakeWeComServer, type FakeWeComServer } from '../../src/demo/fakeServer';
import type { ReplyFault } from '../../src/demo/replyFaults';
import { COMMANDS } from '../../src/extension/commands/commandIds';
import type { WeComGroupStatsApi } from '../../src/extension/testApi';
import { cstYesterday } from '../../src/shared/days';
import {
  figuresFromRows,
  getApi,
  lastMessage,
  releaseHost,
  resetHostTo,
  setupCredentials,
  waitForState,
} from './support/wecomHost';

const FAULTS: readonly { readonly name: string; readonly fault: ReplyFault; readonly says: RegExp }[] = [
  { name: 'a reply without items', fault: { kind: 'missingItems' }, says: /items is missing/ },
  { name: 'a short page', fault: { kind: 'shortPage' }, says: /rows where offset/ },
  { name: 'a row for an owner not asked', fault: { kind: 'foreignOwner' }, says: /was not asked/ },
  {
    name: 'a negative figure',
    fault: { kind: 'figure', field: 'chat_total', value: -2 },
    says: /not a count/,
  },
];

suite('Group Owners view: replies that are not whole', () => {
  let api: WeComGroupStatsApi;
  let fake: FakeWeComServer;

  suiteSetup(async () => {
    api = await getApi();
  });
  setup(async () => {
    fake = await startFakeWeComServer({ ownerCount: 12 });
    await resetHostTo(fake);
  });
  teardown(() => releaseHost(fake));

  for (const { name, fault, says } of FAULTS) {
    test(`${name}, every time: an error with Retry, no rows passed off as the team`, async () => {
      fake.setFaults({ replyFaults: [{ ...fault, endpoint: 'statistic' }] });
      await setupCredentials(fake.corpId, fake.corpSecret);
      await waitForState(api, 'error');
      const message = lastMessage(api);
      assert.match(message.text, /^Could not load the group owners\./);
      assert.match(message.text, says);
      assert.ok(message.buttons.includes('Retry'), `buttons: ${message.buttons.join(', ')}`);
      assert.deepStrictEqual(api.rows(), [], 'no partial rows');
      assert.ok(!/at \w+ \(|\.js:\d+/.test(message.text), 'no stack trace');

      // The server recovers: Retry shows the exact figures.
      fake.setFaults({});
      await vscode.commands.executeCommand(COMMANDS.refresh);
      await waitForState(api, 'ready');
      assert.strictEqual(api.rows().length, 1 + fake.owners.length);
    });

    test(`${name}, once: the retry recovers and every figure is exact`, async () => {
      fake.setFaults({ replyFaults: [{ ...fault, endpoint: 'statistic', times: 1 }] });
      assert.ok(await setupCredentials(fake.corpId, fake.corpSecret));
      await waitForState(api, 'ready');
      const day = cstYesterday();
      for (const owner of [fake.owners[0], fake.owners[3], fake.owners[11]]) {
        assert.deepStrictEqual(figuresFromRows(api.figures(owner)), fake.statsFor(owner, day), owner);
      }
      assert.strictEqual(
        fake.requests().filter((r) => r.fault !== undefined).length,
        1,
        'the fault was injected once',
      );
    });
  }
});
