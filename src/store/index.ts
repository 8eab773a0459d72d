/** The history store's public face: the contract, opening a store, the CLI's default path. */
export * from './types';
export { openHistoryStore, defaultStorePath, isPostgresUrl, type OpenOptions } from './open';
export { SCHEMA_VERSION, StoreVersionError } from './schema';
