/**
 * The webview's end of the protocol: typed requests to the host, correlated by id, rejected on
 * an error reply or when the host stays silent too long (each progress message resets the clock).
 */
import type {
  ErrorInfo,
  HostToWebview,
  InitMessage,
  RequestMethod,
  RequestParams,
  RequestResult,
  WebviewToHost,
} from '../shared/protocol';
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

/** Silence after which a request fails (no reply and no progress). */
const SILENCE_TIMEOUT_MS = 120_000;

export class HostConnection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  /** Set once the localized labels have arrived. */
  timeoutText = 'The extension did not answer in time. Retry, or reload the window if it keeps happening.';

  constructor(
    private readonly post: (message: WebviewToHost) => void,
    private readonly onInit: (init: InitMessage) => void,
  ) {}

  send(message: WebviewToHost): void {
    this.post(message);
  }

  request<M extends RequestMethod>(
    method: M,
    params: RequestParams<M>,
    onProgress?: (progress: Progress) => void,
  ): Promise<RequestResult<M>> {
    const id = this.nextId++;
    return new Promise<RequestResult<M>>((resolve, reject) => {
      const pending: Pending = {
        resolve: (result) => resolve(result as RequestResult<M>),
        reject,
        onProgress,
        timer: this.silenceTimer(id),
      };
      this.pending.set(id, pending);
      this.post({ type: 'request', id, method, params } as WebviewToHost);
    });
  }

  /** Feed every `message` event here. */
  receive(data: unknown): void {
    if (!isHostToWebview(data)) {
      return;
    }
    const message: HostToWebview = data;
    switch (message.type) {
      case 'init':
        this.onInit(message);
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

  private silenceTimer(id: number): ReturnType<typeof setTimeout> {
    return setTimeout(() => {
      const pending = this.pending.get(id);
      this.pending.delete(id);
      pending?.reject(new HostRequestError({ message: this.timeoutText, retryable: true }));
    }, SILENCE_TIMEOUT_MS);
  }
}
