/**
 * The WeCom API surface that both the client (src/wecom) and the fake server (src/demo) speak:
 * the endpoint paths and the per-request limits the documentation states. The day limits
 * (180 days of history, 30 days per request) are CST-day facts and live in `days.ts`.
 */

export const WECOM_PATHS = {
  token: '/cgi-bin/gettoken',
  followUsers: '/cgi-bin/externalcontact/get_follow_user_list',
  statistic: '/cgi-bin/externalcontact/groupchat/statistic',
  byDay: '/cgi-bin/externalcontact/groupchat/statistic_group_by_day',
} as const;

/** `owner_filter.userid_list` takes at most 100 ids (more answers 40058). */
export const MAX_OWNERS_PER_REQUEST = 100;
/** Without an owner filter, more visible members than this answers 81017. */
export const MAX_UNFILTERED_OWNERS = 1000;
/** `groupchat/statistic` pages: `limit` is 1 to 1000, 500 when omitted. */
export const MAX_PAGE_LIMIT = 1000;
export const DEFAULT_PAGE_LIMIT = 500;
