/**
 * The gates of the chart protocol (`protocol.ts`): every message arriving from the other side is
 * checked here before use. The host's gate is strict (a webview is untrusted input); the
 * webview's is lighter (it catches version skew and noise).
 */
import type { CstDay } from './days';
import { tryParseCstDay } from './days';
import { isMetricKey } from './metrics';
import type { HostToWebview, WebviewToHost } from './protocol';
import type { ChartSubject, ChartUiState, Granularity, RangeChoice } from './chartState';
import { MAX_NOTICE_CHARS, MAX_SHOWN_NOTICES } from './protocol';
import { GRANULARITIES, MAX_SUBJECT_OWNERS, RANGE_PRESETS } from './chartState';

type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isDay(value: unknown): value is CstDay {
  return typeof value === 'string' && tryParseCstDay(value) === value;
}

export function isRequestId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Owner ids are opaque (may contain `<`, quotes, spaces) but never empty; at most
 * `MAX_SUBJECT_OWNERS` (sum mode takes any selection; compare mode is capped by the host).
 */
function isSubject(value: unknown): value is ChartSubject {
  if (!isObject(value)) {
    return false;
  }
  if (value.kind === 'all') {
    return true;
  }
  return value.kind === 'owners' && isOwnerIds(value.owners);
}

/** A non-empty list of owner ids, each non-empty and bounded, at most `MAX_SUBJECT_OWNERS`. */
export function isOwnerIds(owners: unknown): owners is readonly string[] {
  return (
    Array.isArray(owners) &&
    owners.length > 0 &&
    owners.length <= MAX_SUBJECT_OWNERS &&
    owners.every((o) => typeof o === 'string' && o.length > 0 && o.length <= 256)
  );
}

function isRangeChoice(value: unknown): value is RangeChoice {
  if (!isObject(value)) {
    return false;
  }
  if (value.kind === 'preset') {
    return (RANGE_PRESETS as readonly unknown[]).includes(value.days);
  }
  return value.kind === 'custom' && isDay(value.from) && isDay(value.to) && value.from <= value.to;
}

export function isChartUiState(value: unknown): value is ChartUiState {
  return (
    isObject(value) &&
    value.version === 1 &&
    isSubject(value.subject) &&
    isMetricKey(value.metric) &&
    isRangeChoice(value.range) &&
    (value.mode === 'sum' || value.mode === 'compare') &&
    (value.view === 'chart' || value.view === 'table') &&
    (value.fromZero === undefined || typeof value.fromZero === 'boolean') &&
    (value.granularity === undefined || isGranularity(value.granularity)) &&
    (value.movingAverage === undefined || typeof value.movingAverage === 'boolean')
  );
}

function isGranularity(value: unknown): value is Granularity {
  return typeof value === 'string' && (GRANULARITIES as readonly string[]).includes(value);
}

/** A PNG data URL, capped so a broken webview cannot make the host decode something huge. */
const MAX_PNG_DATA_URL_CHARS = 20_000_000;
/** Room for a figure, a dozen owner names and a range; a longer title is refused, not cut. */
const MAX_PNG_TITLE_CHARS = 2_000;
const PNG_PREFIX = 'data:image/png;base64,';

/** A PNG export: a bounded base64 PNG data URL and an optional bounded title (any panel's). */
export function isExportPngParams(params: Json): boolean {
  return (
    typeof params.dataUrl === 'string' &&
    params.dataUrl.startsWith(PNG_PREFIX) &&
    params.dataUrl.length <= MAX_PNG_DATA_URL_CHARS &&
    /^[A-Za-z0-9+/]*={0,2}$/.test(params.dataUrl.slice(PNG_PREFIX.length)) &&
    (params.title === undefined ||
      (typeof params.title === 'string' && params.title.length <= MAX_PNG_TITLE_CHARS))
  );
}

function isRequestParams(method: unknown, params: unknown): boolean {
  if (!isObject(params)) {
    return false;
  }
  switch (method) {
    case 'byDay':
      return (
        isDay(params.from) &&
        isDay(params.to) &&
        params.from <= params.to &&
        typeof params.perOwner === 'boolean' &&
        typeof params.refresh === 'boolean'
      );
    case 'exportCsv':
      return (
        isMetricKey(params.metric) &&
        (params.mode === 'sum' || params.mode === 'compare') &&
        isGranularity(params.granularity) &&
        typeof params.movingAverage === 'boolean'
      );
    case 'exportPng':
      return isExportPngParams(params);
    case 'backfill':
      return Object.keys(params).length === 0;
    case 'rankings':
      return isMetricKey(params.metric) && isDay(params.from) && isDay(params.to) && params.from <= params.to;
    default:
      return false;
  }
}

/** The host's gate: anything else posted by the webview is dropped (and logged). */
export function isWebviewToHost(msg: unknown): msg is WebviewToHost {
  if (!isObject(msg)) {
    return false;
  }
  switch (msg.type) {
    case 'ready':
      return true;
    case 'state':
      return isChartUiState(msg.state);
    case 'drawn':
      return isRequestId(msg.series) && isRequestId(msg.points);
    case 'shown':
      return (
        ['loading', 'ready', 'empty', 'error'].includes(msg.state as string) &&
        Array.isArray(msg.notices) &&
        msg.notices.length <= MAX_SHOWN_NOTICES &&
        msg.notices.every((n) => typeof n === 'string' && n.length <= MAX_NOTICE_CHARS) &&
        typeof msg.retry === 'boolean'
      );
    case 'refused':
      return typeof msg.what === 'string' && msg.what.length <= 64;
    case 'request':
      return isRequestId(msg.id) && isRequestParams(msg.method, msg.params);
    case 'showGlossary':
      return true;
    case 'openInsights':
      return isDay(msg.from) && isDay(msg.to) && msg.from <= msg.to && isMetricKey(msg.metric);
    default:
      return false;
  }
}

/** The webview's gate (lighter: the host is trusted, this catches version skew and noise). */
export function isHostToWebview(msg: unknown): msg is HostToWebview {
  if (!isObject(msg)) {
    return false;
  }
  switch (msg.type) {
    case 'init':
      return (
        isSubject(msg.subject) &&
        Array.isArray(msg.owners) &&
        isChartUiState(msg.state) &&
        typeof msg.heartbeatMs === 'number' &&
        msg.heartbeatMs > 0 &&
        (msg.now === undefined || Number.isFinite(msg.now))
      );
    default:
      return isReplyMessage(msg);
  }
}

/** A reply, a progress report or a fatal message: the host's messages every panel shares. */
export function isReplyMessage(msg: Json): boolean {
  switch (msg.type) {
    case 'response':
      return isRequestId(msg.id) && (msg.ok === true || (msg.ok === false && isObject(msg.error)));
    case 'progress':
      return isRequestId(msg.id) && typeof msg.done === 'number' && typeof msg.total === 'number';
    case 'fatal':
      return typeof msg.message === 'string';
    default:
      return false;
  }
}

/** Decodes a validated PNG data URL to bytes' base64 payload (the host turns it into a Buffer). */
export function pngBase64(dataUrl: string): string {
  return dataUrl.slice(PNG_PREFIX.length);
}
