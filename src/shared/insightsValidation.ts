/**
 * The gates of the insights protocol (`insightsProtocol.ts`): the host's is strict (a webview is
 * untrusted input), the webview's lighter (version skew, noise). The command's argument is
 * checked here too: other features and users pass it.
 */
import { isMetricKey } from './metrics';
import type { InsightsArgs, InsightsToHost, InsightsToWebview, InsightsUiState } from './insightsProtocol';
import { HEATMAP_PRESETS, MAX_INSIGHTS_NOTICES, RANK_PERIODS, TOP_N_CHOICES } from './insightsProtocol';
import { MAX_NOTICE_CHARS } from './protocol';
import {
  isDay,
  isExportPngParams,
  isObject,
  isOwnerIds,
  isReplyMessage,
  isRequestId,
} from './protocolValidation';

const TABS = ['heatmap', 'rankings'];
const SHOWN_STATES = ['loading', 'confirm', 'ready', 'empty', 'error'];

function isRange(value: unknown): boolean {
  if (!isObject(value)) {
    return false;
  }
  if (value.kind === 'preset') {
    return (HEATMAP_PRESETS as readonly unknown[]).includes(value.days);
  }
  return value.kind === 'custom' && isDay(value.from) && isDay(value.to) && value.from <= value.to;
}

function isFetchChoice(value: unknown): boolean {
  return value === 'ask' || value === 'yes' || value === 'no';
}

export function isInsightsUiState(value: unknown): value is InsightsUiState {
  return (
    isObject(value) &&
    value.version === 1 &&
    TABS.includes(value.tab as string) &&
    (value.owners === undefined || isOwnerIds(value.owners)) &&
    isMetricKey(value.metric) &&
    isRange(value.range) &&
    (value.colourBy === 'value' || value.colourBy === 'change') &&
    isMetricKey(value.sortBy) &&
    typeof value.ascending === 'boolean' &&
    (value.view === 'chart' || value.view === 'table') &&
    RANK_PERIODS.includes(value.period as never) &&
    (TOP_N_CHOICES as readonly unknown[]).includes(value.topN)
  );
}

/**
 * The command's argument, or a sentence saying what is wrong with it (the command shows it).
 * Unknown keys are ignored; a known key with a bad value is refused, not dropped.
 */
export function parseInsightsArgs(value: unknown): InsightsArgs | string {
  if (value === undefined || value === null) {
    return {};
  }
  if (!isObject(value)) {
    return 'expected an object such as { "owners": ["zhangsan"], "metric": "chat_total" }';
  }
  const { owners, from, to, metric, tab } = value;
  if (owners !== undefined && !isOwnerIds(owners)) {
    return '"owners" must be a non-empty list of owner ids';
  }
  if ((from !== undefined && !isDay(from)) || (to !== undefined && !isDay(to))) {
    return '"from" and "to" must be days written YYYY-MM-DD';
  }
  if ((from === undefined) !== (to === undefined) || (isDay(from) && isDay(to) && from > to)) {
    return '"from" and "to" go together, "from" not after "to"';
  }
  if (metric !== undefined && !isMetricKey(metric)) {
    return '"metric" must be one of the eight figures, e.g. "chat_total"';
  }
  if (tab !== undefined && !TABS.includes(tab as string)) {
    return '"tab" must be "heatmap" or "rankings"';
  }
  return value as InsightsArgs;
}

function isRequest(method: unknown, params: unknown): boolean {
  if (!isObject(params)) {
    return false;
  }
  switch (method) {
    case 'heatmap':
      return (
        isDay(params.from) &&
        isDay(params.to) &&
        params.from <= params.to &&
        isMetricKey(params.metric) &&
        isMetricKey(params.sortBy) &&
        typeof params.ascending === 'boolean' &&
        isFetchChoice(params.fetch)
      );
    case 'rankings':
      return (
        isMetricKey(params.metric) &&
        RANK_PERIODS.includes(params.period as never) &&
        (TOP_N_CHOICES as readonly unknown[]).includes(params.topN) &&
        isFetchChoice(params.fetch)
      );
    case 'exportCsv':
      return (
        TABS.includes(params.tab as string) && (params.colourBy === 'value' || params.colourBy === 'change')
      );
    case 'exportPng':
      return TABS.includes(params.tab as string) && isExportPngParams(params);
    case 'openOwner':
      return isOwnerIds([params.owner]);
    default:
      return false;
  }
}

/** The host's gate: anything else the webview posts is dropped (and logged). */
export function isInsightsToHost(msg: unknown): msg is InsightsToHost {
  if (!isObject(msg)) {
    return false;
  }
  switch (msg.type) {
    case 'ready':
    case 'stop':
      return true;
    case 'state':
      return isInsightsUiState(msg.state);
    case 'drawn':
      return TABS.includes(msg.tab as string) && isRequestId(msg.rows) && isRequestId(msg.cells);
    case 'shown':
      return (
        TABS.includes(msg.tab as string) &&
        SHOWN_STATES.includes(msg.state as string) &&
        Array.isArray(msg.notices) &&
        msg.notices.length <= MAX_INSIGHTS_NOTICES &&
        msg.notices.every((n) => typeof n === 'string' && n.length <= MAX_NOTICE_CHARS) &&
        typeof msg.readout === 'string' &&
        msg.readout.length <= MAX_NOTICE_CHARS
      );
    case 'refused':
      return typeof msg.what === 'string' && msg.what.length <= 64;
    case 'request':
      return isRequestId(msg.id) && isRequest(msg.method, msg.params);
    default:
      return false;
  }
}

/** The webview's gate. */
export function isInsightsToWebview(msg: unknown): msg is InsightsToWebview {
  if (!isObject(msg)) {
    return false;
  }
  switch (msg.type) {
    case 'init':
      return (
        isObject(msg.labels) &&
        Array.isArray(msg.owners) &&
        isInsightsUiState(msg.state) &&
        typeof msg.heartbeatMs === 'number' &&
        msg.heartbeatMs > 0
      );
    default:
      return isReplyMessage(msg);
  }
}
