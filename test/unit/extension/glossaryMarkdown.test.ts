/** The glossary page of "WeCom: What Do These Figures Mean?" (src/extension/glossary/glossaryMarkdown.ts). */
import * as assert from 'node:assert/strict';
import { derive } from '../../../src/analysis/derived';
import { glossaryMarkdown } from '../../../src/extension/glossary/glossaryMarkdown';
import { FIGURE_MEANINGS } from '../../../src/shared/glossary';
import { METRIC_KEYS, METRICS } from '../../../src/shared/metrics';

suite('glossary page', () => {
  for (const lang of ['en', 'zh'] as const) {
    test(`${lang}: all eight figures with both names, kind, definition and notes; inferred figures with formulas`, () => {
      const page = glossaryMarkdown(lang);
      const sections = page.split('\n## ').slice(1);
      assert.equal(sections.length, METRIC_KEYS.length + 1, 'eight figures and the inferred ones');
      METRIC_KEYS.forEach((key, i) => {
        const section = sections[i];
        assert.ok(section.includes(METRICS[key].label.en) && section.includes(METRICS[key].label.zh), key);
        assert.ok(section.includes(`\`${key}\``), key);
        assert.ok(section.includes(FIGURE_MEANINGS[key].definition[lang]), `${key} definition`);
        const note = FIGURE_MEANINGS[key].note;
        assert.equal(
          note ? section.includes(note[lang]) : !/\*\*(Note|说明)\*\*/.test(section),
          true,
          `${key} note`,
        );
        const flow = METRICS[key].kind === 'flow';
        assert.match(
          section,
          flow
            ? lang === 'en'
              ? /flow: new that day/
              : /增量/
            : lang === 'en'
              ? /as of that day/
              : /截至当天/,
        );
      });
      const inferred = sections[METRIC_KEYS.length];
      for (const figure of derive({ data: {}, change: {} })) {
        assert.ok(inferred.includes(figure.label[lang]), figure.key);
        assert.ok(inferred.includes(`\`${figure.formula}\``), figure.formula);
      }
    });
  }

  test('the page is in the UI language', () => {
    assert.match(glossaryMarkdown('en'), /^# What do these figures mean\?/);
    assert.match(glossaryMarkdown('zh'), /^# 这些数字是什么意思？/);
    assert.ok(!glossaryMarkdown('zh').includes('Definition'));
  });
});
