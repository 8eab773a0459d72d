import * as assert from 'node:assert/strict';
import { WECOM_PATHS } from '../../../src/shared/wecomApi';
import { runInProcess } from './cliHarness';
import type { CliResult } from './cliHarness';
import {
  DAY,
  askedOwners,
  assertRefused,
  byDayReply,
  figures,
  now,
  startWeComStub,
  statisticReply,
  stubEnv,
} from './cliStubs';
import type { Stub, StubReply, StubRequest } from './cliStubs';

/** Retries keep their count but barely wait. */
const FAST_BACKOFF_MS = 2;

/** A statistic reply for the asked owners whose first row's chat_total is spelled `literal`. */
function statisticWithFigure(req: StubRequest, literal: string): StubReply {
  const reply = statisticReply(askedOwners(req)).json as { items: Array<{ data: { chat_total: number } }> };
  reply.items[0].data.chat_total = 777_777_777;
  return { text: JSON.stringify(reply).replace('777777777', literal) };
}

suite('cli: replies that are not whole are refused (exit 1, empty stdout)', () => {
  const stubs: Stub[] = [];
  async function cli(handler: (req: StubRequest) => StubReply, argv: string[]): Promise<CliResult> {
    const stub = await startWeComStub(handler);
    stubs.push(stub);
    return runInProcess(argv, stubEnv(stub), now, FAST_BACKOFF_MS);
  }
  teardown(async () => {
    await Promise.all(stubs.splice(0).map((s) => s.close()));
  });

  const OWNERS_JSON = ['owners', '--owners', 'lisi,wangwu', '--format', 'json'];

  test('a statistic reply without items', async () => {
    const r = await cli(
      () => ({ json: { errcode: 0, errmsg: 'ok', total: 2, next_offset: 2 } }),
      OWNERS_JSON,
    );
    assertRefused(r, /groupchat\/statistic was incomplete or malformed \(items is missing\)/);
  });

  test('a short page: fewer rows than next_offset - offset', async () => {
    const r = await cli(
      () => ({
        json: { errcode: 0, total: 2, next_offset: 2, items: [{ owner: 'lisi', data: figures(1) }] },
      }),
      OWNERS_JSON,
    );
    assertRefused(r, /the page has 1 rows where offset 0 to next_offset 2 means 2/);
  });

  test('a row for an owner that was not asked', async () => {
    const r = await cli(() => statisticReply(['lisi', 'intruder']), OWNERS_JSON);
    assertRefused(r, /a row is for owner "intruder", who was not asked/);
  });

  for (const literal of ['-2', '2.5', '1e300', String(2n ** 53n + 1n)]) {
    test(`a figure that is not a count: ${literal}`, async () => {
      const r = await cli((req) => statisticWithFigure(req, literal), OWNERS_JSON);
      assertRefused(r, /chat_total is .* not a count/);
    });
  }

  test('by-day: one of two owner batches (150 owners) keeps leaving out the last day', async () => {
    const owners = Array.from({ length: 150 }, (_v, i) => `owner${String(i).padStart(3, '0')}`);
    let byDayCalls = 0;
    const r = await cli(
      (req) => {
        if (req.path === WECOM_PATHS.followUsers) {
          return { json: { errcode: 0, errmsg: 'ok', follow_user: owners } };
        }
        byDayCalls++;
        // The batch of the last 50 owners never reports 2026-06-14; the first batch is whole.
        const second = askedOwners(req).includes('owner149');
        return byDayReply('2026-06-12', DAY, second ? [DAY] : []);
      },
      ['by-day', '--from', '2026-06-12', '--to', DAY, '--format', 'json'],
    );
    assertRefused(r, /left out the day 2026-06-14 for some of the owners/);
    assert.ok(byDayCalls >= 3, 'the incomplete batch was asked again');
  });

  test('by-day: a reply without items', async () => {
    const r = await cli(
      (req) => (req.path === WECOM_PATHS.byDay ? { json: { errcode: 0, errmsg: 'ok' } } : {}),
      ['by-day', '--from', DAY, '--to', DAY, '--owners', 'lisi'],
    );
    assertRefused(r, /statistic_group_by_day was incomplete or malformed \(items is missing\)/);
  });

  test('malformed once, whole on the retry: exit 0 with the exact figures', async () => {
    let calls = 0;
    const r = await cli((req) => {
      calls++;
      return calls === 1
        ? { json: { errcode: 0, total: 2, next_offset: 2 } }
        : statisticReply(askedOwners(req));
    }, OWNERS_JSON);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.equal(calls, 2);
    const json = JSON.parse(r.stdout) as { items: Array<{ owner: string; data: unknown }> };
    const byOwner = new Map(json.items.map((i) => [i.owner, i.data]));
    assert.deepEqual(byOwner.get('lisi'), figures(1));
    assert.deepEqual(byOwner.get('wangwu'), figures(2));
  });
});
