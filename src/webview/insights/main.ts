/**
 * The heatmap-and-rankings webview's entry: says `ready`, builds the UI from the host's `init`
 * (again on every re-init), and routes messages. Never talks to WeCom itself.
 */
import type { InsightsUiState } from '../../shared/insightsProtocol';
import { isInsightsToWebview } from '../../shared/insightsValidation';
import { h, replaceChildren } from '../dom';
import { HostConnection } from '../rpc';
import { InsightsApp, type InsightsHost } from './insightsApp';

const api = acquireVsCodeApi<InsightsUiState>();
const root = document.getElementById('app') ?? document.body;
let app: InsightsApp | undefined;

const host: InsightsHost = new HostConnection(
  (message) => api.postMessage(message),
  {
    onInit: (init) => {
      host.timeoutText = init.labels.noAnswer;
      host.refusedText = init.labels.refused;
      host.setHeartbeat(init.heartbeatMs);
      app?.dispose();
      app = new InsightsApp(init, host, (state) => api.setState(state), root);
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
    },
  },
  isInsightsToWebview,
);

window.addEventListener('message', (event: MessageEvent<unknown>) => host.receive(event.data));
window.addEventListener('unload', () => app?.dispose());
host.send({ type: 'ready' });
