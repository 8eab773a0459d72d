/** WeCom-style replies of the fake server: error objects shaped and worded like the real ones. */

export interface ApiReply {
  readonly errcode: number;
  readonly errmsg: string;
  readonly [field: string]: unknown;
}

/** The IP the fake reports as the caller's (it only listens on loopback). */
const LOOPBACK_IP = '127.0.0.1';

let hintCounter = 0;

/** An error reply worded like WeCom's: text, a hint id, the caller's IP and the help link. */
function apiError(errcode: number, text: string, nowMs: number, fromIp: string = LOOPBACK_IP): ApiReply {
  hintCounter = (hintCounter + 1) % 1_000_000;
  const hint = `${Math.floor(nowMs / 1000)}_fake${String(hintCounter).padStart(6, '0')}`;
  return {
    errcode,
    errmsg: `${text}, hint: [${hint}], from ip: ${fromIp}, more info at https://open.work.weixin.qq.com/devtool/query?e=${errcode}`,
  };
}

export function ok(fields: Record<string, unknown> = {}): ApiReply {
  return { errcode: 0, errmsg: 'ok', ...fields };
}

/** Error texts by code, as the real server words them (close enough for clients to log). */
const ERROR_TEXT: Readonly<Record<number, string>> = {
  [-1]: 'system busy',
  40001: 'invalid credential',
  40013: 'invalid corpid',
  40014: 'invalid access_token',
  40058: 'invalid parameter',
  41001: 'access_token missing',
  41002: 'corpid missing',
  41004: 'corpsecret missing',
  42001: 'access_token expired',
  45009: 'api freq out of limit',
  45033: 'api concurrent out of limit',
  60020: 'not allow to access from your ip',
  81013: 'user & party & tag all invalid',
  81017: 'the number of visible users exceeds the limit, please specify owner_filter',
  600018: 'invalid start or end time',
};

export function errorReply(errcode: number, nowMs: number, detail?: string, fromIp?: string): ApiReply {
  const text = ERROR_TEXT[errcode] ?? 'error';
  return apiError(errcode, detail ? `${text}: ${detail}` : text, nowMs, fromIp);
}
