/**
 * Owner display names: the `ownerNames` setting maps WeCom user ids to names people know. The
 * owners tree, the chart's labels and its panel title all show an owner through this one rule.
 */

/** User id → display name. */
export type OwnerNames = Readonly<Record<string, string>>;

/**
 * The name given to `owner`, else the id itself. Own keys only: an id such as "constructor" must
 * not pick up a property of `Object.prototype`.
 */
export function ownerDisplayName(owner: string, names: OwnerNames): string {
  return Object.prototype.hasOwnProperty.call(names, owner) ? names[owner] : owner;
}
