/**
 * Small WeCom stand-ins for the CLI's tests of replies the fake server does not give on purpose:
 * gettoken always succeeds, the statistics endpoints answer what each test scripts.
 */
import { WECOM_PATHS } from '../../../src/shared/wecomApi';
import * as assert from 'node:assert/strict';
import { dayStartTs, listDays } from '../../../src/shared/days';
import type { CstDay } from '../../../src/shared/days';
import { METRIC_KEYS, emptyStats } from '../../../src/shared/metrics';
import type { GroupChatStats } from '../../../src/shared/metrics';

import { startStub } from '../wecom/stubServer';
import type { Stub, StubReply, StubRequest } from '../wecom/stubServer';
import type { CliResult } from './cliHarness';

export type { Stub, StubReply, StubRequest };

/** 2026-06-15 12:00 CST: yesterday is 2026-06-14. */
export const NOW = Date.UTC(2026, 5, 15, 4, 0, 0);
export const now = (): number => NOW;
export const DAY: CstDay = '2026-06-14';

/** Distinct, recognizable figures per owner (or day): seed*10 + the figure's index. */
export function figures(seed: number): GroupChatStats {
  const s = emptyStats();
  METRIC_KEYS.forEach((key, i) => (s[key] = seed * 10 + i));
  return s;
}

/** The owners of a statistics request (owner_filter.userid_list). */
export function askedOwners(req: StubRequest): string[] {
  const body = req.body as { owner_filter?: { userid_list?: string[] } } | undefined;
  return body?.owner_filter?.userid_list ?? [];
}

/** A whole `groupchat/statistic` page: every asked owner, figures(index). */
export function statisticReply(owners: readonly string[]): StubReply {
  return {
    json: {
      errcode: 0,
      errmsg: 'ok',
      total: owners.length,
      next_offset: owners.length,
      items: owners.map((owner, i) => ({ owner, data: figures(i + 1) })),
    },
  };
}

/** A whole by-day reply for [from, to] (each day figures(1)), minus `leaveOut`. */
export function byDayReply(from: CstDay, to: CstDay, leaveOut: readonly CstDay[] = []): StubReply {
  const items = listDays({ from, to })
    .filter((day) => !leaveOut.includes(day))
    .map((day) => ({ stat_time: dayStartTs(day), data: figures(1) }));
  return { json: { errcode: 0, errmsg: 'ok', items } };
}

/** A stub answering gettoken itself and everything else with `handler`. */
export function startWeComStub(handler: (req: StubRequest) => StubReply): Promise<Stub> {
  return startStub((req) =>
    req.path === WECOM_PATHS.token
      ? { json: { errcode: 0, errmsg: 'ok', access_token: 'stub-token-0123456789', expires_in: 7200 } }
      : handler(req),
  );
}

export function stubEnv(stub: Stub): Record<string, string> {
  return { WECOM_CORP_ID: 'ww-stub-corp', WECOM_CORP_SECRET: 'stub-secret-5a7c9e', WECOM_API_BASE: stub.url };
}

/** Nothing partial reaches stdout: exit 1, empty stdout, one clear line on stderr. */
export function assertRefused(r: CliResult, pattern: RegExp): void {
  assert.equal(r.code, 1, r.stderr);
  assert.equal(r.stdout, '', 'nothing on stdout');
  assert.match(r.stderr, /^wecom-stats: [^\n]+\n$/, r.stderr);
  assert.match(r.stderr, pattern);
  assert.ok(!r.stderr.includes('    at '), 'no stack trace');
}
