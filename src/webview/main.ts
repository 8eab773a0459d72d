/**
 * Webview entry: says `ready`, builds the UI from the host's `init` (again on every re-init,
 * e.g. after the connection changed), and routes messages. Never talks to WeCom itself.
 */
import type { ChartUiState } from '../shared/protocol';
import { ChartApp } from './app';
import { HostConnection } from './rpc';

const api = acquireVsCodeApi<ChartUiState>();
const root = document.getElementById('app') ?? document.body;
let app: ChartApp | undefined;

const host = new HostConnection(
  (message) => api.postMessage(message),
  (init) => {
    host.timeoutText = init.labels.noAnswer;
    app?.dispose();
    app = new ChartApp(init, host, (state) => api.setState(state), root);
  },
);

window.addEventListener('message', (event: MessageEvent<unknown>) => host.receive(event.data));
window.addEventListener('unload', () => app?.dispose());
host.send({ type: 'ready' });
