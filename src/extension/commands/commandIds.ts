/**
 * The ids of the extension's own commands, as the manifest declares them (the chart's are in
 * `chart/registration.ts`). No imports, so any module (and the integration tests) can use them.
 */
export const COMMANDS = {
  setupCredentials: 'wecomGroupStats.setupCredentials',
  clearCredentials: 'wecomGroupStats.clearCredentials',
  startDemo: 'wecomGroupStats.startDemo',
  stopDemo: 'wecomGroupStats.stopDemo',
  refresh: 'wecomGroupStats.refresh',
  cancelLoad: 'wecomGroupStats.cancelLoad',
  sort: 'wecomGroupStats.sort',
  filter: 'wecomGroupStats.filter',
  clearFilter: 'wecomGroupStats.clearFilter',
  showLog: 'wecomGroupStats.showLog',
  openSettings: 'wecomGroupStats.openSettings',
  importOwnerNames: 'wecomGroupStats.importOwnerNames',
} as const;
