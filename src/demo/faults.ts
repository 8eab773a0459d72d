/** Injected failures of the fake server, decided per API call (gettoken only sees 60020). */
import { errorReply } from './replies';
import type { ApiReply } from './replies';

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
}

export type Fault = { readonly kind: 'http500' } | { readonly kind: 'api'; readonly reply: ApiReply };

export class FaultInjector {
  private faults: FakeFaults = {};
  private apiCalls = 0;
  /** Arrival times (ms) of API calls within the last second, oldest first. */
  private recent: number[] = [];

  constructor(private readonly now: () => number) {}

  set(faults: FakeFaults): void {
    this.faults = { ...faults };
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
      return { kind: 'api', reply: errorReply(45033, now) };
    }
    if (rateLimitPerSecond && this.recent.length > rateLimitPerSecond) {
      return { kind: 'api', reply: errorReply(45009, now) };
    }
    if (http500EveryNth && this.apiCalls % http500EveryNth === 0) {
      return { kind: 'http500' };
    }
    if (busyEveryNth && this.apiCalls % busyEveryNth === 0) {
      return { kind: 'api', reply: errorReply(-1, now) };
    }
    return undefined;
  }
}
