/**
 * The by-day chart webview's entry: says `ready`, builds the UI from the host's `init` (again on
 * every re-init, e.g. after the connection changed), and routes messages (boot.ts). Never talks
 * to WeCom itself.
 */
import type { ChartUiState } from '../shared/chartState';
import type { InitMessage, RequestMap, WebviewToHost } from '../shared/protocol';
import { ChartApp } from './app';
import { bootWebview } from './boot';

bootWebview<RequestMap, InitMessage, WebviewToHost, ChartUiState>({
  create: (init, host, persist, root) => {
    // The host's clock, carried forward by this one's: the webview's days are the host's days.
    const offset = init.now === undefined ? 0 : init.now - Date.now();
    return new ChartApp(init, host, persist, root, () => Date.now() + offset);
  },
  // No init could be read: the host still hears what is shown.
  fatalBeforeInit: (message, host) =>
    host.send({ type: 'shown', state: 'error', notices: [message], retry: false }),
});
