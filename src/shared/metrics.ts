/**
 * The one glossary of the eight group-chat figures returned by both statistics endpoints.
 * Every label, group and flow/stock fact about a figure comes from here (host, webview, CLI).
 */

import { pick, type Localized, type UiLanguage } from './i18n';

export const METRIC_KEYS = [
  'new_chat_cnt',
  'chat_total',
  'chat_has_msg',
  'new_member_cnt',
  'member_total',
  'member_has_msg',
  'msg_total',
  'migrate_trainee_chat_cnt',
] as const;

export type MetricKey = (typeof METRIC_KEYS)[number];

/** The figures of one owner (or a sum of owners) for one day or range, named as the API names them. */
export type GroupChatStats = Record<MetricKey, number>;

export type MetricGroup = 'groups' | 'members' | 'messages';

export interface MetricInfo {
  readonly key: MetricKey;
  readonly group: MetricGroup;
  /** Flows are "new that day" and may be summed across days; stocks are "as of that day" and may not. */
  readonly kind: 'flow' | 'stock';
  /** The `order_by` value the server sorts by, when it can; other figures are sorted by the client. */
  readonly serverOrderBy?: 1 | 2 | 3 | 4;
  readonly label: Localized;
  /** Short label for narrow places (tree descriptions, table headers). */
  readonly short: Localized;
  /** Only returned for the education industry; absent fields read as 0. */
  readonly optional?: true;
}

export const METRICS: Readonly<Record<MetricKey, MetricInfo>> = {
  new_chat_cnt: {
    key: 'new_chat_cnt',
    group: 'groups',
    kind: 'flow',
    serverOrderBy: 1,
    label: { en: 'New groups', zh: '新增客户群数' },
    short: { en: 'new groups', zh: '新增群' },
  },
  chat_total: {
    key: 'chat_total',
    group: 'groups',
    kind: 'stock',
    serverOrderBy: 2,
    label: { en: 'Total groups', zh: '客户群总数' },
    short: { en: 'groups', zh: '群' },
  },
  chat_has_msg: {
    key: 'chat_has_msg',
    group: 'groups',
    kind: 'stock',
    label: { en: 'Groups with messages', zh: '有发过消息的客户群数' },
    short: { en: 'active groups', zh: '活跃群' },
  },
  new_member_cnt: {
    key: 'new_member_cnt',
    group: 'members',
    kind: 'flow',
    serverOrderBy: 3,
    label: { en: 'New members', zh: '新增群人数' },
    short: { en: 'new members', zh: '新增人' },
  },
  member_total: {
    key: 'member_total',
    group: 'members',
    kind: 'stock',
    serverOrderBy: 4,
    label: { en: 'Total members', zh: '群总人数' },
    short: { en: 'members', zh: '人' },
  },
  member_has_msg: {
    key: 'member_has_msg',
    group: 'members',
    kind: 'stock',
    label: { en: 'Members who sent messages', zh: '发过消息的群成员数' },
    short: { en: 'active members', zh: '活跃成员' },
  },
  msg_total: {
    key: 'msg_total',
    group: 'messages',
    kind: 'stock',
    label: { en: 'Total messages', zh: '客户群消息总数' },
    short: { en: 'messages', zh: '消息' },
  },
  migrate_trainee_chat_cnt: {
    key: 'migrate_trainee_chat_cnt',
    group: 'groups',
    kind: 'stock',
    label: { en: 'Migrated groups (education only)', zh: '新增迁移群数（仅教培行业）' },
    short: { en: 'migrated', zh: '迁移群' },
    optional: true,
  },
};

export const METRIC_GROUPS: Readonly<Record<MetricGroup, Localized>> = {
  groups: { en: 'Groups', zh: '客户群' },
  members: { en: 'Members', zh: '群成员' },
  messages: { en: 'Messages', zh: '消息' },
};

export function metricLabel(key: MetricKey, lang: UiLanguage): string {
  return pick(METRICS[key].label, lang);
}

export function isMetricKey(value: unknown): value is MetricKey {
  return typeof value === 'string' && (METRIC_KEYS as readonly string[]).includes(value);
}

export function emptyStats(): GroupChatStats {
  return {
    new_chat_cnt: 0,
    chat_total: 0,
    chat_has_msg: 0,
    new_member_cnt: 0,
    member_total: 0,
    member_has_msg: 0,
    msg_total: 0,
    migrate_trainee_chat_cnt: 0,
  };
}

/** Field-by-field sum; right across owners for every field, across days only for flows. */
export function addStats(into: GroupChatStats, add: Partial<GroupChatStats>): GroupChatStats {
  for (const key of METRIC_KEYS) {
    into[key] += add[key] ?? 0;
  }
  return into;
}

/**
 * Orders two values of one figure, `undefined` (no figure: an absent owner) last in either
 * direction. 0 for a tie, so callers chain their own tie-breaker.
 */
export function compareByFigure(a: number | undefined, b: number | undefined, ascending: boolean): number {
  if (a === undefined || b === undefined) {
    return a === b ? 0 : a === undefined ? 1 : -1;
  }
  return ascending ? a - b : b - a;
}
