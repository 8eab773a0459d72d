/**
 * A StatisticsClient whose real client is loaded on first use. The client brings axios and Node's
 * HTTP stack (about half of what the extension bundle loads), and nothing needs it before the
 * first request, so it stays off the activation path (webpack puts it in its own chunk).
 */
import type { WeComClient } from '../wecom/client';
import type {
  ByDayRequest,
  ByDayResult,
  CallOptions,
  OwnerTotals,
  OwnerTotalsRequest,
  StatisticsClient,
  WeComClientOptions,
} from '../wecom/types';

export class LazyStatisticsClient implements StatisticsClient {
  private real: Promise<WeComClient> | undefined;

  constructor(private readonly options: WeComClientOptions) {}

  verifyCredentials(options?: CallOptions): Promise<void> {
    return this.client().then((c) => c.verifyCredentials(options));
  }

  listFollowUsers(options?: CallOptions): Promise<string[]> {
    return this.client().then((c) => c.listFollowUsers(options));
  }

  getOwnerTotals(request: OwnerTotalsRequest, options?: CallOptions): Promise<OwnerTotals[]> {
    return this.client().then((c) => c.getOwnerTotals(request, options));
  }

  getByDay(request: ByDayRequest, options?: CallOptions): Promise<ByDayResult> {
    return this.client().then((c) => c.getByDay(request, options));
  }

  /** Bad options (plain http, an unusable proxy) reject every call with the client's own reason. */
  private client(): Promise<WeComClient> {
    this.real ??= import(/* webpackChunkName: "wecom-client" */ '../wecom/client').then(
      ({ WeComClient: Client }) => new Client(this.options),
    );
    return this.real;
  }
}
