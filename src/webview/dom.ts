/**
 * A tiny element builder. Text goes in through `textContent` / text nodes only, never
 * `innerHTML`: owner ids and names are arbitrary text (`<`, `&`, quotes) and must stay text.
 */

type Child = Node | string | null | undefined | false;

export interface ElementProps {
  readonly className?: string;
  readonly attrs?: Readonly<Record<string, string>>;
  readonly dataset?: Readonly<Record<string, string>>;
  readonly text?: string;
  readonly onClick?: (event: Event) => void;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: ElementProps = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) {
    element.className = props.className;
  }
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    element.setAttribute(name, value);
  }
  for (const [name, value] of Object.entries(props.dataset ?? {})) {
    element.dataset[name] = value;
  }
  if (props.text !== undefined) {
    element.textContent = props.text;
  }
  if (props.onClick) {
    element.addEventListener('click', props.onClick);
  }
  for (const child of children) {
    if (child) {
      element.append(child);
    }
  }
  return element;
}

/** Replaces an element's children (text stays text). */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren(...children.filter((c): c is Node | string => Boolean(c)));
}
