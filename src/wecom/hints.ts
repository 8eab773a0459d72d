/**
 * What each WeCom failure means for the user and what to do about it, in English and Simplified
 * Chinese. One entry per error code of `wecom-notes.md`, plus the non-API failure kinds.
 */
import { HISTORY_DAYS, MAX_SPAN_DAYS } from '../shared/days';
import type { Localized } from '../shared/i18n';
import { MAX_UNFILTERED_OWNERS } from '../shared/wecomApi';
import type { WeComErrorKind } from './types';

export interface HintContext {
  readonly kind: WeComErrorKind;
  readonly errcode?: number;
  /** Already redacted. */
  readonly errmsg: string;
  readonly status?: number;
  /** Owner ids of the failing request (for codes that are about user ids). */
  readonly owners?: readonly string[];
  /** The server's host, for network errors. */
  readonly host?: string;
  readonly reason?: MalformedReason;
  readonly endpoint?: string;
}

/** What was wrong with a reply that carried errcode 0 (or no errcode yet). */
export type MalformedReason = 'shape' | 'cutOff' | 'tooLarge' | 'missingDays';

type HintBuilder = (ctx: HintContext) => Localized;

/** The caller's IP that WeCom prints in 60020 replies: `… from ip: 203.0.113.7, more info …`. */
export function ipFromErrmsg(errmsg: string): string | undefined {
  return /from ip:\s*([0-9a-fA-F.:]+[0-9a-fA-F])/.exec(errmsg)?.[1];
}

function ownerList(owners: readonly string[] | undefined): Localized {
  if (!owners || owners.length === 0) {
    return { en: 'the requested owners', zh: '所请求的群主' };
  }
  const shown = owners
    .slice(0, 5)
    .map((o) => `"${o}"`)
    .join(', ');
  const more = owners.length - 5;
  return more > 0
    ? { en: `${shown} and ${more} more`, zh: `${shown} 等 ${owners.length} 个` }
    : { en: shown, zh: shown };
}

const DATES = {
  en: `WeCom rejected the dates: only days from yesterday back to ${HISTORY_DAYS} days ago, at most ${MAX_SPAN_DAYS} days per request, can be queried. Pick days within that window.`,
  zh: `企业微信拒绝了查询日期：只能查询昨天至 ${HISTORY_DAYS} 天前的数据，且单次最多 ${MAX_SPAN_DAYS} 天。请在该范围内选择日期。`,
};

const UNKNOWN_USER: HintBuilder = (c) => {
  const who = ownerList(c.owners);
  return {
    en: `WeCom does not know the user ID among ${who.en} (perhaps the member left). Remove it from the owner list.`,
    zh: `企业微信无法识别 ${who.zh} 中的成员 ID（可能该成员已离职）。请将其从群主列表中移除。`,
  };
};

const API_HINTS: Readonly<Record<number, HintBuilder>> = {
  [-1]: () => ({
    en: 'WeCom is busy and kept failing after several retries. Wait a minute and try again.',
    zh: '企业微信系统繁忙，多次重试后仍然失败。请等待一分钟后重试。',
  }),
  45009: () => ({
    en: "WeCom's call-frequency limit was reached (counted per corp, API and IP). Wait a minute (up to an hour if it persists), then try again with fewer days or owners.",
    zh: '已达到企业微信接口调用频率上限（按企业、接口和 IP 计算）。请等待一分钟（若持续出现，最长一小时）后重试，并减少一次查询的天数或群主数。',
  }),
  45033: () => ({
    en: 'WeCom kept refusing simultaneous calls although they were slowed down to one at a time. Wait a few minutes and try again with fewer days or owners.',
    zh: '即使已降为一次一个调用，企业微信仍拒绝并发调用。请等待几分钟后重试，并减少一次查询的天数或群主数。',
  }),
  40014: () => ({
    en: 'WeCom rejected the access token even after a fresh one was fetched. Check that the corp ID and secret belong to the same app, then try again.',
    zh: '重新获取 access_token 后企业微信仍判定其无效。请确认企业 ID 和 Secret 属于同一个应用，然后重试。',
  }),
  42001: () => ({
    en: "The access token expired and the fresh one was rejected too. Try again; if it keeps happening, check the computer's clock and the app's secret.",
    zh: 'access_token 已过期，且新获取的也被拒绝。请重试；若持续出现，请检查本机时间和应用的 Secret。',
  }),
  40001: () => ({
    en: "WeCom rejected the secret (wrong, reset, or the app is disabled). Enter the app's current secret again; it is not retried, because repeated failures can block this IP for an hour.",
    zh: '企业微信拒绝了该 Secret（填写错误、已被重置或应用已停用）。请重新填写应用当前的 Secret；为避免多次失败导致本机 IP 被封禁一小时，不会自动重试。',
  }),
  40013: () => ({
    en: 'WeCom does not know this corp ID. Copy it again from the admin console (My Company → Company Information; it starts with "ww").',
    zh: '企业微信无法识别该企业 ID。请在管理后台「我的企业 → 企业信息」中重新复制（以 ww 开头）。',
  }),
  41001: () => ({
    en: 'The request carried no access token. This is a bug in the extension: please report it with the log.',
    zh: '请求缺少 access_token。这是扩展的缺陷，请附上日志反馈。',
  }),
  41002: () => ({
    en: 'The corp ID is empty. Enter your corp ID (it starts with "ww") in the settings.',
    zh: '企业 ID 为空。请在设置中填写企业 ID（以 ww 开头）。',
  }),
  41004: () => ({
    en: 'The secret is empty. Enter the secret of the self-built app that may call the Customer Contact APIs.',
    zh: 'Secret 为空。请填写可调用客户联系接口的自建应用的 Secret。',
  }),
  48002: () => ({
    en: 'This app may not call the Customer Contact APIs. In the admin console, open Customer Contact → API and add the app under "可调用应用" (apps allowed to call the API).',
    zh: '该应用无权调用客户联系接口。请在管理后台「客户联系 → API」中将该应用加入「可调用应用」。',
  }),
  60011: (c) => {
    const who = ownerList(c.owners);
    return {
      en: `The app has no permission for ${who.en}: they are outside its visible range. Add them to the app's visible range or remove them from the owner list.`,
      zh: `应用无权访问 ${who.zh}：不在应用的可见范围内。请将其加入应用可见范围，或从群主列表中移除。`,
    };
  },
  60020: (c) => {
    const ip = ipFromErrmsg(c.errmsg);
    const en = ip ? `this computer's public IP ${ip}` : "this computer's public IP";
    const zh = ip ? `本机公网 IP ${ip}` : '本机公网 IP';
    return {
      en: `WeCom refused calls from ${en}: it is not among the app's trusted IPs (required for self-built apps created after 2022-06-20). Add it to the app's trusted IPs (企业可信IP) in the admin console, or point the proxy (the proxy setting or HTTPS_PROXY/NO_PROXY) at a server whose fixed IP is trusted.`,
      zh: `企业微信拒绝了来自${zh}的调用：该 IP 不在应用的「企业可信IP」中（2022-06-20 后创建的自建应用必须配置）。请在管理后台将其加入企业可信IP，或将代理（代理设置或 HTTPS_PROXY/NO_PROXY）指向出口 IP 已受信任的服务器。`,
    };
  },
  301002: () => ({
    en: 'The access token belongs to another app. Make sure the corp ID and the secret are of the same app, then try again.',
    zh: 'access_token 属于另一个应用。请确认企业 ID 和 Secret 属于同一个应用后重试。',
  }),
  81013: (c) => {
    const who = ownerList(c.owners);
    return {
      en: `WeCom rejected every owner ID in the request (${who.en}): they are invalid or outside the app's visible range. Use WeCom user IDs (not display names) of members in the visible range.`,
      zh: `企业微信判定请求中的全部群主 ID(${who.zh})无效或不在应用可见范围内。请使用可见范围内成员的企业微信账号（而非显示名称）。`,
    };
  },
  81017: () => ({
    en: `WeCom refused to report all owners at once (more than ${MAX_UNFILTERED_OWNERS} visible members). Choose the owners explicitly; please report this, the client should have batched them.`,
    zh: `可见范围超过 ${MAX_UNFILTERED_OWNERS} 人，企业微信拒绝一次性返回全部群主。请明确指定群主；客户端本应分批请求，请反馈此问题。`,
  }),
  600018: () => DATES,
  40058: (c) => ({
    en: `WeCom rejected a request parameter (${c.errmsg || 'no details'}). This is a bug in the extension: please report it with the log.`,
    zh: `企业微信拒绝了请求参数（${c.errmsg || '无详情'}）。这是扩展的缺陷，请附上日志反馈。`,
  }),
  40003: UNKNOWN_USER,
  60111: UNKNOWN_USER,
};

function httpHint(c: HintContext): Localized {
  if (c.status !== undefined && c.status >= 500) {
    return {
      en: `WeCom's server answered HTTP ${c.status} (a temporary server error) and kept failing after retries. Try again later.`,
      zh: `企业微信服务器返回 HTTP ${c.status}（临时故障），多次重试后仍然失败。请稍后重试。`,
    };
  }
  const what =
    c.status !== undefined && c.status !== 200 ? `HTTP ${c.status}` : 'a reply that is not WeCom JSON';
  const whatZh = c.status !== undefined && c.status !== 200 ? `HTTP ${c.status}` : '非企业微信格式的响应';
  return {
    en: `The server answered ${what}. Check the API base URL (a relay or proxy may be misconfigured).`,
    zh: `服务器返回了${whatZh}。请检查 API 地址设置（中转服务或代理可能配置有误）。`,
  };
}

/** The endpoint's last path segments, as users know it: `groupchat/statistic`. */
function endpointName(endpoint: string | undefined): string {
  return endpoint ? endpoint.replace(/^\/cgi-bin\/(externalcontact\/)?/, '') : 'the API';
}

function malformedHint(c: HintContext): Localized {
  const name = endpointName(c.endpoint);
  switch (c.reason) {
    case 'cutOff':
      return {
        en: `The reply to ${name} was cut off before its end, again after retries (a relay or proxy may be dropping connections). Nothing partial was used; try again.`,
        zh: `${name} 的响应在传输中被截断，重试后仍然如此（中转服务或代理可能断开了连接）。未使用任何不完整的数据，请重试。`,
      };
    case 'missingDays':
      return {
        en: `WeCom's by-day replies left out ${c.errmsg} for some of the owners, also when asked again. A sum without those owners would look whole, so those days are not shown. Try again later.`,
        zh: `企业微信按天统计的响应中缺少部分群主的 ${c.errmsg}，重新请求后仍然如此。缺少这些群主的合计会被误认为完整，因此这些日期不予显示。请稍后重试。`,
      };
    case 'tooLarge':
      return {
        en: `The reply to ${name} was far larger than WeCom's replies are (${c.errmsg}), so it was refused. Check the API base URL: it may not point to WeCom or a faithful relay.`,
        zh: `${name} 的响应远大于企业微信的正常响应（${c.errmsg}），已拒绝。请检查 API 地址：它可能不是企业微信或可靠的中转服务。`,
      };
    default:
      return {
        en: `The reply to ${name} was incomplete or malformed (${c.errmsg}) and stayed so after retries, so no figures were shown. Try again later; if it persists, check the API base URL (a relay may alter replies).`,
        zh: `${name} 的响应不完整或格式有误（${c.errmsg}），重试后仍然如此，因此未显示任何数据。请稍后重试；若持续出现，请检查 API 地址（中转服务可能改动了响应）。`,
      };
  }
}

/** The hint for a failure; unknown API codes point to WeCom's own error lookup page. */
export function hintFor(c: HintContext): Localized {
  switch (c.kind) {
    case 'api': {
      const builder = c.errcode !== undefined ? API_HINTS[c.errcode] : undefined;
      if (builder) {
        return builder(c);
      }
      const url = `https://open.work.weixin.qq.com/devtool/query?e=${c.errcode ?? ''}`;
      return {
        en: `WeCom answered error ${c.errcode ?? '?'} (${c.errmsg || 'no details'}). Look the code up at ${url}.`,
        zh: `企业微信返回错误码 ${c.errcode ?? '?'}（${c.errmsg || '无详情'}）。可在 ${url} 查询原因。`,
      };
    }
    case 'http':
      return httpHint(c);
    case 'network': {
      const host = c.host ?? 'the WeCom server';
      return {
        en: `Could not reach ${host}. Check the network connection, the API base URL and the proxy (the proxy setting or HTTPS_PROXY/NO_PROXY).`,
        zh: `无法连接 ${c.host ?? '企业微信服务器'}。请检查网络连接、API 地址和代理设置（代理设置或 HTTPS_PROXY/NO_PROXY）。`,
      };
    }
    case 'timeout':
      return {
        en: 'WeCom did not answer in time. Check the network or proxy, or raise the request timeout, then try again.',
        zh: '企业微信未在规定时间内响应。请检查网络或代理，或调大请求超时时间后重试。',
      };
    case 'malformed':
      return malformedHint(c);
    case 'aborted':
      return { en: 'The request was cancelled.', zh: '请求已取消。' };
    case 'input':
      return { en: c.errmsg || 'The input is not valid.', zh: c.errmsg || '输入无效。' };
  }
}

/** Codes whose hint exists (the test checks every code of the notes' table is here). */
export const CODES_WITH_HINTS: readonly number[] = Object.keys(API_HINTS).map(Number);
