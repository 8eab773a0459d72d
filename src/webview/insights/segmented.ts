/** A group of toggle buttons of which one is pressed (range presets, colour by, chart/table, tabs). */
import { h } from '../dom';

export function setPressed(button: HTMLButtonElement, pressed: boolean): void {
  button.setAttribute('aria-pressed', String(pressed));
}

export function segmented<K extends string | number>(
  label: string,
  choices: readonly (readonly [K, string])[],
  onPick: (key: K) => void,
  name: string,
): { element: HTMLElement; buttons: Map<K, HTMLButtonElement> } {
  const buttons = new Map<K, HTMLButtonElement>();
  const element = h('div', { className: 'segmented', attrs: { role: 'group', 'aria-label': label } });
  for (const [key, text] of choices) {
    const button = h('button', {
      className: 'toggle',
      attrs: { type: 'button', 'aria-pressed': 'false' },
      dataset: { name: `${name}-${String(key)}` },
      text,
      onClick: () => onPick(key),
    });
    buttons.set(key, button);
    element.append(button);
  }
  return { element, buttons };
}
