/** The figure picker: the eight figures grouped as the glossary groups them, named in the UI language. */
import { pick, type UiLanguage } from '../shared/i18n';
import { METRIC_GROUPS, METRIC_KEYS, METRICS, metricLabel, type MetricGroup } from '../shared/metrics';
import { h } from './dom';

export function metricSelect(lang: UiLanguage, ariaLabel: string, id: string): HTMLSelectElement {
  const select = h('select', { attrs: { id, 'aria-label': ariaLabel } });
  const groups = new Map<MetricGroup, HTMLOptGroupElement>();
  for (const key of METRIC_KEYS) {
    const group = METRICS[key].group;
    let optgroup = groups.get(group);
    if (!optgroup) {
      optgroup = h('optgroup', { attrs: { label: pick(METRIC_GROUPS[group], lang) } });
      groups.set(group, optgroup);
      select.append(optgroup);
    }
    optgroup.append(h('option', { attrs: { value: key }, text: metricLabel(key, lang) }));
  }
  return select;
}
