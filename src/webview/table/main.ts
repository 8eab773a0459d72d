/**
 * Owners table webview entry: says `ready`, builds the table from the host's `init`, draws each
 * snapshot the host sends, and asks the host to export. Never talks to WeCom itself.
 */
import { DEFAULT_TABLE_VIEW, type TableViewState } from '../../shared/ownersTable';
import {
  isTableHostMessage,
  isTableViewState,
  type TableHostMessage,
  type TableWebviewMessage,
} from '../../shared/ownersTableProtocol';
import { OwnersTableApp } from './tableApp';

const api = acquireVsCodeApi<TableViewState>();
const root = document.getElementById('app') ?? document.body;
const send = (message: TableWebviewMessage): void => api.postMessage(message);
let app: OwnersTableApp | undefined;
let nextId = 1;
/** Export requests waiting for the host's answer: resolve with an error message, or undefined. */
const pending = new Map<number, (failure: string | undefined) => void>();

function exportCsv(state: TableViewState): Promise<string | undefined> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    send({ type: 'request', id, method: 'exportCsv', params: state });
  });
}

function receive(message: TableHostMessage): void {
  switch (message.type) {
    case 'init': {
      // The webview's own saved state wins over the host's (it is what the user last chose).
      const saved = api.getState();
      const state = isTableViewState(saved) ? saved : (message.state ?? DEFAULT_TABLE_VIEW);
      app = new OwnersTableApp(
        message.labels,
        message.lang,
        state,
        root,
        send,
        (s) => api.setState(s),
        exportCsv,
      );
      send({ type: 'state', state });
      return;
    }
    case 'data':
      app?.setData(message.snapshot);
      return;
    case 'status':
      app?.showStatus(message.status, message.message);
      return;
    case 'response':
      pending.get(message.id)?.(message.ok ? undefined : message.message);
      pending.delete(message.id);
      return;
  }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isTableHostMessage(event.data)) {
    receive(event.data);
  }
});
send({ type: 'ready' });
