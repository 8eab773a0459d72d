/**
 * Webview entry: says `ready`, builds the UI from the host's `init` (again on every re-init,
 * e.g. after the connection changed), and routes messages. Never talks to WeCom itself.
 */
import type { ChartUiState } from '../shared/chartState';
import { ChartApp } from './app';
import { h, replaceChildren } from './dom';
import { HostConnection } from './rpc';

const api = acquireVsCodeApi<ChartUiState>();
const root = document.getElementById('app') ?? document.body;
let app: ChartApp | undefined;

const host = new HostConnection((message) => api.postMessage(message), {
  onInit: (init) => {
    host.timeoutText = init.labels.noAnswer;
    host.refusedText = init.labels.refused;
    host.setHeartbeat(init.heartbeatMs);
    app?.dispose();
    // The host's clock, carried forward by this one's: the webview's days are the host's days.
    const offset = init.now === undefined ? 0 : init.now - Date.now();
    app = new ChartApp(
      init,
      host,
      (state) => api.setState(state),
      root,
      () => Date.now() + offset,
    );
  },
  onFatal: (message) => {
    if (app) {
      app.showFatal(message);
      return;
    }
    // No init could be read: nothing else to show, but never a silent "starting" page.
    document.body.dataset.state = 'error';
    root.removeAttribute('aria-busy');
    replaceChildren(root, h('p', { className: 'error-message', text: message }));
    host.send({ type: 'shown', state: 'error', notices: [message], retry: false });
  },
});

window.addEventListener('message', (event: MessageEvent<unknown>) => host.receive(event.data));
window.addEventListener('unload', () => app?.dispose());
host.send({ type: 'ready' });
