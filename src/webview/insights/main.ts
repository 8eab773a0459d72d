/**
 * The heatmap-and-rankings webview's entry: builds the UI from the host's `init` (again on every
 * re-init) and routes messages (../boot.ts). Never talks to WeCom itself.
 */
import type {
  InsightsInit,
  InsightsRequestMap,
  InsightsToHost,
  InsightsUiState,
} from '../../shared/insightsProtocol';
import { isInsightsToWebview } from '../../shared/insightsValidation';
import { bootWebview } from '../boot';
import { InsightsApp } from './insightsApp';

bootWebview<InsightsRequestMap, InsightsInit, InsightsToHost, InsightsUiState>({
  gate: isInsightsToWebview,
  create: (init, host, persist, root) => new InsightsApp(init, host, persist, root),
});
