/**
 * Insight from the history: roll-ups, derived figures, comparisons and rankings. Pure (no I/O,
 * no clock): it reads what the store returned and imports only src/shared.
 */
export * from './periods';
export * from './series';
export * from './rollup';
export * from './derived';
export * from './compare';
export * from './rank';
export * from './gaps';
export * from './heatmap';
export * from './rankingView';
