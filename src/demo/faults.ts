/** Injected failures of the fake server, decided per API call (gettoken only sees 60020). */
import { errorReply } from './replies';
import type { ApiReply } from './replies';
import { ReplyFaultPlan, checkReplyFault } from './replyFaults';
import type { ReplyFault } from './replyFaults';

export interface FakeFaults {
  /** Answer errcode -1 ("system busy") on every Nth API call (gettoken excluded; 0/undefined = off). */
  busyEveryNth?: number;
  /** Answer HTTP 500 on every Nth API call (0 = off). */
  http500EveryNth?: number;
  /** Answer 45009 while more than this many API calls arrived within the last 1000 ms (0 = off). */
  rateLimitPerSecond?: number;
  /** Answer 45033 when more than this many calls are being served at once (0 = off). */
  maxConcurrent?: number;
  /** Answer 60020 to every call (gettoken included), naming this IP in errmsg. */
  rejectFromIp?: string;
  /** Every token answers 42001 after this many further API calls with it (0 = off): tokens expiring mid-run. */
  tokenExpiresAfterCalls?: number;
  /** Successful replies that misbehave within the documented shape or on the wire; see ReplyFault. */
  replyFaults?: readonly ReplyFault[];
}

/** `label` names the fault in the request record (FakeRequestRecord.fault). */
export type Fault =
  | { readonly kind: 'http500'; readonly label: 'http500' }
  | {
      readonly kind: 'api';
      readonly label: 'maxConcurrent' | 'rateLimit' | 'busy';
      readonly reply: ApiReply;
    };

const COUNTS = [
  'busyEveryNth',
  'http500EveryNth',
  'rateLimitPerSecond',
  'maxConcurrent',
  'tokenExpiresAfterCalls',
];

/** Checks faults given as JSON or at runtime; throws one line naming the bad key. */
export function checkFakeFaults(value: unknown): FakeFaults {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('faults must be a JSON object');
  }
  const faults = value as Record<string, unknown>;
  for (const [key, v] of Object.entries(faults)) {
    if (COUNTS.includes(key)) {
      if (v !== undefined && !(Number.isSafeInteger(v) && (v as number) >= 0)) {
        throw new Error(`faults.${key} must be a whole number ≥ 0`);
      }
    } else if (key === 'rejectFromIp') {
      if (v !== undefined && typeof v !== 'string') {
        throw new Error('faults.rejectFromIp must be a string');
      }
    } else if (key === 'replyFaults') {
      if (v !== undefined && !Array.isArray(v)) {
        throw new Error('faults.replyFaults must be an array');
      }
      (v ?? []).forEach((fault: ReplyFault, i: number) => checkReplyFault(fault, `faults.replyFaults[${i}]`));
    } else {
      throw new Error(`faults: unknown key "${key}"`);
    }
  }
  return faults as FakeFaults;
}

export class FaultInjector {
  private faults: FakeFaults = {};
  private plan = new ReplyFaultPlan([]);
  private apiCalls = 0;
  /** Arrival times (ms) of API calls within the last second, oldest first. */
  private recent: number[] = [];

  constructor(private readonly now: () => number) {}

  /** Replaces every fault and resets the reply faults' counters; throws (changing nothing) if one is invalid. */
  set(faults: FakeFaults): void {
    checkFakeFaults(faults);
    this.plan = new ReplyFaultPlan(faults.replyFaults ?? []);
    this.faults = { ...faults };
  }

  get replyFaults(): ReplyFaultPlan {
    return this.plan;
  }

  /** 60020 applies to every endpoint, gettoken included. */
  ipRejection(): ApiReply | undefined {
    const ip = this.faults.rejectFromIp;
    return ip ? errorReply(60020, this.now(), undefined, ip) : undefined;
  }

  /** Called once per non-gettoken API call as it arrives; `inFlight` includes this call. */
  onApiCall(inFlight: number): Fault | undefined {
    const now = this.now();
    this.apiCalls += 1;
    this.recent.push(now);
    while (this.recent.length > 0 && this.recent[0] <= now - 1000) {
      this.recent.shift();
    }
    const { maxConcurrent, rateLimitPerSecond, http500EveryNth, busyEveryNth } = this.faults;
    if (maxConcurrent && inFlight > maxConcurrent) {
      return { kind: 'api', label: 'maxConcurrent', reply: errorReply(45033, now) };
    }
    if (rateLimitPerSecond && this.recent.length > rateLimitPerSecond) {
      return { kind: 'api', label: 'rateLimit', reply: errorReply(45009, now) };
    }
    if (http500EveryNth && this.apiCalls % http500EveryNth === 0) {
      return { kind: 'http500', label: 'http500' };
    }
    if (busyEveryNth && this.apiCalls % busyEveryNth === 0) {
      return { kind: 'api', label: 'busy', reply: errorReply(-1, now) };
    }
    return undefined;
  }
}
