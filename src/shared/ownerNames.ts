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

/** Names a title lists in full before it shortens to "first two +N". */
const TITLE_MAX_NAMES = 3;
/** Longest joined list a title shows in full (a tab stays readable). */
const TITLE_MAX_CHARS = 40;
/** Longest single name in a title; longer ones end in "…". */
const TITLE_NAME_CHARS = 20;

function clip(name: string): string {
  const chars = [...name];
  return chars.length > TITLE_NAME_CHARS ? chars.slice(0, TITLE_NAME_CHARS - 1).join('') + '…' : name;
}

/**
 * The owners as a panel title lists them: "张三, 李四, 王五" in full when short, else the first
 * two and how many more: "张三, 李四 and 3 more". `more` words the count.
 */
export function ownerListTitle(names: readonly string[], more: (n: number) => string): string {
  const clipped = names.map(clip);
  const full = clipped.join(', ');
  if (clipped.length <= 2 || (clipped.length <= TITLE_MAX_NAMES && [...full].length <= TITLE_MAX_CHARS)) {
    return full;
  }
  const shown = clipped.slice(0, 2);
  return `${shown.join(', ')} ${more(names.length - shown.length)}`;
}
