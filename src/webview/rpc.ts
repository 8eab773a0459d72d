/**
 * The webview's end of the protocol: typed requests to the host, correlated by id, rejected on
 * an error reply or when the host stays silent too long. While the host works on a request it
 * sends progress at least every `heartbeatMs` (init), even during a minute-long 45009 pause, and
 * each progress message resets the clock: only a host that stopped answering times out.
 *
 * A message that fails the gate is never dropped silently: the host is told (it answers with a
 * `fatal` message the panel shows), and a request it answered is settled with an error.
 */
import type {
  ErrorInfo,
  FatalMessage,
  InitMessage,
  ProgressMessage,
  RequestMap,
  ResponseMessage,
  WebviewToHost,
} from '../shared/protocol';
import { silenceTimeoutMs } from '../shared/protocol';
import { isHostToWebview } from '../shared/protocolValidation';

/** A request the host answered with an error (or never answered). */
export class HostRequestError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
  }
}

export interface Progress {
  readonly done: number;
  readonly total: number;
}

interface Pending {
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: HostRequestError) => void;
  readonly onProgress?: (progress: Progress) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** Silence after which a request fails before the host's heartbeat is known (no reply, no progress). */
const DEFAULT_SILENCE_MS = 120_000;

export interface HostHandlers<Init = InitMessage> {
  readonly onInit: (init: Init) => void;
  /** The host says the panel cannot work (it was told a message was refused). */
  readonly onFatal: (message: string) => void;
}

/**
 * One panel's end of its protocol (the chart's by default; the heatmap-and-rankings panel passes
 * its own types and gate): the request, reply, progress and fatal shapes are the same for both.
 */
export class HostConnection<
  Requests extends Record<keyof Requests, { params: unknown; result: unknown }> = RequestMap,
  Init extends { readonly type: 'init' } = InitMessage,
  ToHost extends { readonly type: string } = WebviewToHost,
> {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private silenceMs = DEFAULT_SILENCE_MS;

  /** Set once the localized labels have arrived. */
  timeoutText = 'The extension did not answer in time. Retry, or reload the window if it keeps happening.';
  /** Set once the localized labels have arrived: a reply that could not be read. */
  refusedText = 'The chart could not read a message from the extension. Close the chart and open it again.';

  constructor(
    private readonly post: (message: ToHost) => void,
    private readonly handlers: HostHandlers<Init>,
    private readonly gate: (
      data: unknown,
    ) => data is Init | ResponseMessage | ProgressMessage | FatalMessage = isHostToWebview as never,
  ) {}

  /** The host's heartbeat (from init): silence well beyond it means the host stopped answering. */
  setHeartbeat(heartbeatMs: number): void {
    this.silenceMs = silenceTimeoutMs(heartbeatMs);
  }

  send(message: ToHost): void {
    this.post(message);
  }

  request<M extends keyof Requests & string>(
    method: M,
    params: Requests[M]['params'],
    onProgress?: (progress: Progress) => void,
  ): Promise<Requests[M]['result']> {
    const id = this.nextId++;
    return new Promise<Requests[M]['result']>((resolve, reject) => {
      const pending: Pending = {
        resolve: (result) => resolve(result as Requests[M]['result']),
        reject,
        onProgress,
        timer: this.silenceTimer(id),
      };
      this.pending.set(id, pending);
      this.post({ type: 'request', id, method, params } as unknown as ToHost);
    });
  }

  /** Feed every `message` event here. */
  receive(data: unknown): void {
    if (!this.gate(data)) {
      this.refuse(data);
      return;
    }
    const message = data;
    switch (message.type) {
      case 'init':
        this.handlers.onInit(message);
        return;
      case 'fatal':
        this.handlers.onFatal(message.message);
        return;
      case 'progress': {
        const pending = this.pending.get(message.id);
        if (pending) {
          clearTimeout(pending.timer);
          pending.timer = this.silenceTimer(message.id);
          pending.onProgress?.({ done: message.done, total: message.total });
        }
        return;
      }
      case 'response': {
        const pending = this.pending.get(message.id);
        if (!pending) {
          return;
        }
        clearTimeout(pending.timer);
        this.pending.delete(message.id);
        if (message.ok) {
          pending.resolve(message.result);
        } else {
          pending.reject(new HostRequestError(message.error));
        }
        return;
      }
    }
  }

  /** A message that failed the gate: tell the host, and settle the request it answered. */
  private refuse(data: unknown): void {
    const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
    const type = typeof record.type === 'string' ? record.type.slice(0, 64) : typeof data;
    this.post({ type: 'refused', what: type } as unknown as ToHost);
    const id = typeof record.id === 'number' ? record.id : undefined;
    const pending = id === undefined ? undefined : this.pending.get(id);
    if (pending && id !== undefined && type === 'response') {
      clearTimeout(pending.timer);
      this.pending.delete(id);
      pending.reject(new HostRequestError({ message: this.refusedText, retryable: true }));
    }
  }

  private silenceTimer(id: number): ReturnType<typeof setTimeout> {
    return setTimeout(() => {
      const pending = this.pending.get(id);
      this.pending.delete(id);
      pending?.reject(new HostRequestError({ message: this.timeoutText, retryable: true }));
    }, this.silenceMs);
  }
}
