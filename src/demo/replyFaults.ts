/**
 * Reply faults: successful replies that misbehave within the documented shape (a missing key, a
 * missing day, a short page, a foreign owner, an odd figure) or on the wire (slow, huge, cut off).
 * Each fault says which calls it hits, so a test can fault one endpoint, one owner batch, or only
 * the first N calls and then watch the client recover.
 */
import { dayStartTs, tryParseCstDay } from '../shared/days';
import type { CstDay } from '../shared/days';
import { emptyStats, isMetricKey } from '../shared/metrics';
import type { MetricKey } from '../shared/metrics';
import type { Delivery } from './replyWriter';

export type FaultEndpoint = 'token' | 'followUsers' | 'statistic' | 'byDay';

export interface CallMatch {
  /** Endpoint(s) to hit; default: those of 'statistic' and 'byDay' the fault can apply to. */
  readonly endpoint?: FaultEndpoint | readonly FaultEndpoint[];
  /** Only calls whose owner_filter.userid_list includes this owner (to hit one owner batch). */
  readonly ownerInBatch?: string;
  /** Only the first N calls this fault actually changes, then behave (to test that a retry recovers). Default: all. */
  readonly times?: number;
}

export type ReplyFault = (
  | { readonly kind: 'missingItems' }
  | { readonly kind: 'dropDay'; readonly day?: CstDay }
  | { readonly kind: 'shortPage' }
  | { readonly kind: 'foreignOwner'; readonly owner?: string }
  | { readonly kind: 'figure'; readonly field: MetricKey; readonly value?: unknown; readonly json?: string }
  | { readonly kind: 'drip'; readonly bytesPerSecond: number }
  | { readonly kind: 'oversize'; readonly bytes: number; readonly chunked?: boolean }
  | { readonly kind: 'truncate' }
) &
  CallMatch;

export type ReplyFaultKind = ReplyFault['kind'];

const DEFAULT_FOREIGN_OWNER = 'not-asked-owner';

const STATS: readonly FaultEndpoint[] = ['statistic', 'byDay'];
const ALL: readonly FaultEndpoint[] = ['token', 'followUsers', 'statistic', 'byDay'];
const APPLIES_TO: Readonly<Record<ReplyFaultKind, readonly FaultEndpoint[]>> = {
  missingItems: STATS,
  dropDay: ['byDay'],
  shortPage: ['statistic'],
  foreignOwner: ['statistic'],
  figure: STATS,
  drip: ALL,
  oversize: ALL,
  truncate: ALL,
};
/** Oversize bodies above this are a typo, not a test (the fake would stream them for minutes). */
const MAX_OVERSIZE_BYTES = 1 << 30;

function endpointsOf(fault: ReplyFault): readonly FaultEndpoint[] {
  const applicable = APPLIES_TO[fault.kind];
  if (fault.endpoint === undefined) {
    return applicable.filter((e) => STATS.includes(e));
  }
  const asked: readonly FaultEndpoint[] =
    typeof fault.endpoint === 'string' ? [fault.endpoint] : fault.endpoint;
  return asked.filter((e) => applicable.includes(e));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Throws a one-line reason when a fault cannot do what it says (a typo would otherwise test nothing). */
export function checkReplyFault(fault: ReplyFault, where: string): void {
  const f = fault as ReplyFault & Record<string, unknown>;
  if (!isRecord(f) || !Object.hasOwn(APPLIES_TO, f.kind)) {
    throw new Error(`${where}: unknown kind ${JSON.stringify(isRecord(f) ? f.kind : f)}`);
  }
  const asked = f.endpoint === undefined ? [] : typeof f.endpoint === 'string' ? [f.endpoint] : f.endpoint;
  if (!Array.isArray(asked) || asked.some((e) => !ALL.includes(e as FaultEndpoint))) {
    throw new Error(`${where}: endpoint must be one or more of ${ALL.join(', ')}`);
  }
  if (endpointsOf(fault).length === 0) {
    throw new Error(`${where}: ${f.kind} applies only to ${APPLIES_TO[f.kind].join(', ')}`);
  }
  if (f.times !== undefined && !(Number.isSafeInteger(f.times) && (f.times as number) > 0)) {
    throw new Error(`${where}: times must be a whole number ≥ 1`);
  }
  if (f.ownerInBatch !== undefined && typeof f.ownerInBatch !== 'string') {
    throw new Error(`${where}: ownerInBatch must be a string`);
  }
  const bad = (reason: string): never => {
    throw new Error(`${where}: ${f.kind} ${reason}`);
  };
  if (f.kind === 'dropDay' && f.day !== undefined && tryParseCstDay(String(f.day)) !== f.day) {
    bad('day must be YYYY-MM-DD');
  }
  if (f.kind === 'foreignOwner' && f.owner !== undefined && typeof f.owner !== 'string') {
    bad('owner must be a string');
  }
  if (f.kind === 'figure') {
    if (!isMetricKey(f.field)) {
      bad('field must be one of the eight figures');
    }
    if (f.json === undefined ? !('value' in f) : typeof f.json !== 'string' || !isJson(f.json)) {
      bad('needs a value, or json holding one valid JSON value');
    }
  }
  if (f.kind === 'drip' && !(typeof f.bytesPerSecond === 'number' && f.bytesPerSecond > 0)) {
    bad('bytesPerSecond must be > 0');
  }
  if (
    f.kind === 'oversize' &&
    !(Number.isSafeInteger(f.bytes) && f.bytes >= 0 && f.bytes <= MAX_OVERSIZE_BYTES)
  ) {
    bad(`bytes must be a whole number from 0 to ${MAX_OVERSIZE_BYTES}`);
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function batchOf(request: unknown): readonly unknown[] {
  const filter = isRecord(request) ? request.owner_filter : undefined;
  return isRecord(filter) && Array.isArray(filter.userid_list) ? filter.userid_list : [];
}

/** What a call's reply became: the exact payload text, how to send it, and the kinds applied. */
export interface ShapedReply {
  readonly payload: string;
  readonly delivery: Delivery;
  readonly applied: readonly ReplyFaultKind[];
}

type Item = { [key: string]: unknown; data?: Record<string, unknown> };

/** One list of reply faults with its per-fault counters (a new plan = counters reset). */
export class ReplyFaultPlan {
  private readonly used: number[];

  constructor(private readonly faults: readonly ReplyFault[]) {
    faults.forEach((fault, i) => checkReplyFault(fault, `replyFaults[${i}]`));
    this.used = faults.map(() => 0);
  }

  get empty(): boolean {
    return this.faults.length === 0;
  }

  /** Applies the faults that match this successful call, in list order, to a copy of `reply`. */
  shape(endpoint: FaultEndpoint, request: unknown, reply: Record<string, unknown>): ShapedReply {
    const body: Record<string, unknown> = { ...reply };
    if (Array.isArray(body.items)) {
      body.items = (body.items as Item[]).map((item) => ({ ...item, data: { ...item.data } }));
    }
    const delivery: Delivery = {};
    const applied: ReplyFaultKind[] = [];
    const raws = new Map<string, string>();
    this.faults.forEach((fault, i) => {
      const times = fault.times ?? Number.POSITIVE_INFINITY;
      if (this.used[i] >= times || !endpointsOf(fault).includes(endpoint)) {
        return;
      }
      if (fault.ownerInBatch !== undefined && !batchOf(request).includes(fault.ownerInBatch)) {
        return;
      }
      if (applyOne(fault, body, delivery, raws)) {
        this.used[i] += 1;
        applied.push(fault.kind);
      }
    });
    let payload = JSON.stringify(body);
    for (const [placeholder, json] of raws) {
      payload = payload.replace(JSON.stringify(placeholder), json);
    }
    return { payload, delivery, applied };
  }
}

let rawCounter = 0;

/** Changes `body`/`delivery` for one fault; false when it had nothing to change (it then doesn't count). */
function applyOne(
  fault: ReplyFault,
  body: Record<string, unknown>,
  delivery: Delivery,
  raws: Map<string, string>,
): boolean {
  const items = Array.isArray(body.items) ? (body.items as Item[]) : undefined;
  switch (fault.kind) {
    case 'missingItems': {
      const had = 'items' in body;
      delete body.items;
      return had;
    }
    case 'dropDay': {
      if (items === undefined) {
        return false;
      }
      // Default: the window's last day, the one a client is most likely to take for "not final yet".
      const at = fault.day !== undefined ? dayStartTs(fault.day) : items.at(-1)?.stat_time;
      const index = items.findIndex((item) => item.stat_time === at);
      return index >= 0 && items.splice(index, 1).length === 1;
    }
    case 'shortPage':
      return items !== undefined && items.pop() !== undefined;
    case 'foreignOwner': {
      const owner = fault.owner ?? DEFAULT_FOREIGN_OWNER;
      if (items === undefined) {
        return false;
      }
      const last = items.at(-1);
      if (last) {
        last.owner = owner;
      } else {
        items.push({ owner, data: emptyStats() });
      }
      return true;
    }
    case 'figure': {
      const data = items?.[0]?.data;
      if (data === undefined) {
        return false;
      }
      if (fault.json === undefined) {
        data[fault.field] = fault.value;
      } else {
        // JSON.stringify cannot write e.g. 9007199254740993: splice the raw text in after serializing.
        const placeholder = `\u0000raw-figure-${(rawCounter += 1)}\u0000`;
        raws.set(placeholder, fault.json);
        data[fault.field] = placeholder;
      }
      return true;
    }
    case 'drip':
      delivery.bytesPerSecond = Math.min(delivery.bytesPerSecond ?? Infinity, fault.bytesPerSecond);
      return true;
    case 'oversize':
      delivery.padToBytes = Math.max(delivery.padToBytes ?? 0, fault.bytes);
      delivery.chunked = (delivery.chunked ?? false) || fault.chunked === true;
      return true;
    case 'truncate':
      delivery.truncate = true;
      return true;
  }
}
