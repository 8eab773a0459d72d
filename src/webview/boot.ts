/**
 * A webview panel's start, the same for every panel: acquire the VS Code API once, build the app
 * from the host's `init` (again on every re-init), route messages, and say `ready`. A fatal
 * message before any init still shows (never a silent "starting" page). The app's UI state goes
 * to `setState` and to the host alike; `showApp` ends its start and redraws on a theme change.
 */
import type { FatalMessage, ProgressMessage, ResponseMessage } from '../shared/protocol';
import { h, replaceChildren } from './dom';
import { HostConnection } from './rpc';
import { watchTheme } from './theme';

export interface WebviewApp {
  dispose(): void;
  showFatal(message: string): void;
}

interface InitBase {
  readonly type: 'init';
  readonly heartbeatMs: number;
  readonly labels: { readonly noAnswer: string; readonly refused: string };
}

export interface BootOptions<Init, Host, State> {
  /** The gate of the host's messages (the panel's protocol). */
  readonly gate?: (data: unknown) => data is Init | ResponseMessage | ProgressMessage | FatalMessage;
  /** `persist` keeps the UI state for a reload (`setState`) and tells the host the new state. */
  readonly create: (init: Init, host: Host, persist: (state: State) => void, root: HTMLElement) => WebviewApp;
  /** After a fatal message that came before any init (the chart tells the host what it shows). */
  readonly fatalBeforeInit?: (message: string, host: Host) => void;
}

export function bootWebview<
  Requests extends Record<keyof Requests, { params: unknown; result: unknown }>,
  Init extends InitBase,
  ToHost extends { readonly type: string },
  State,
>(options: BootOptions<Init, HostConnection<Requests, Init, ToHost>, State>): void {
  const api = acquireVsCodeApi<State>();
  const root = document.getElementById('app') ?? document.body;
  let app: WebviewApp | undefined;
  const persist = (state: State): void => {
    api.setState(state);
    // Both protocols' ToHost has `{ type: 'state', state }` (the host's copy for its title and probe).
    host.send({ type: 'state', state } as unknown as ToHost);
  };
  const host: HostConnection<Requests, Init, ToHost> = new HostConnection<Requests, Init, ToHost>(
    (message) => api.postMessage(message),
    {
      onInit: (init) => {
        host.timeoutText = init.labels.noAnswer;
        host.refusedText = init.labels.refused;
        host.setHeartbeat(init.heartbeatMs);
        app?.dispose();
        app = options.create(init, host, persist, root);
      },
      onFatal: (message) => {
        if (app) {
          app.showFatal(message);
          return;
        }
        document.body.dataset.state = 'error';
        root.removeAttribute('aria-busy');
        replaceChildren(root, h('p', { className: 'error-message', text: message }));
        options.fatalBeforeInit?.(message, host);
      },
    },
    options.gate,
  );
  window.addEventListener('message', (event: MessageEvent<unknown>) => host.receive(event.data));
  window.addEventListener('unload', () => app?.dispose());
  host.send({ type: 'ready' } as unknown as ToHost);
}

/**
 * An app's elements are in place: the page is no longer busy, and a theme change draws again.
 * Returns the stop of the theme watch (for the app's dispose).
 */
export function showApp(root: HTMLElement, render: () => void): () => void {
  root.removeAttribute('aria-busy');
  return watchTheme(render);
}
