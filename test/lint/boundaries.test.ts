/**
 * The floors hold by rule, not by habit: each import that points up a floor (or into the browser
 * bundle, or to Node from browser code) is an eslint error. Runs with `npm run lint`.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** [a file of that floor, an import it must not have] */
const VIOLATIONS: readonly (readonly [string, string])[] = [
  ['src/shared/days.ts', "import * as fs from 'node:fs';"],
  ['src/shared/days.ts', "import { x } from 'crypto';"],
  ['src/shared/metrics.ts', "import { x } from '../extension/extension';"],
  ['src/shared/metrics.ts', "import { x } from '../wecom/client';"],
  ['src/webview/app.ts', "import { x } from '../wecom/client';"],
  ['src/webview/app.ts', "import { x } from 'axios';"],
  ['src/webview/app.ts', "import * as x from 'vscode';"],
  ['src/webview/app.ts', "import { x } from 'node:events';"],
  ['src/wecom/client.ts', "import * as x from 'vscode';"],
  ['src/wecom/client.ts', "import { x } from '../extension/settings';"],
  ['src/wecom/client.ts', "import { x } from '../cli/run';"],
  ['src/demo/fakeServer.ts', "import { x } from '../extension/demoMode';"],
  ['src/extension/log.ts', "import { x } from '../webview/app';"],
  ['src/cli/run.ts', "import * as x from 'vscode';"],
  ['src/sync/planner.ts', "import * as x from 'vscode';"],
  ['src/sync/planner.ts', "import { x } from '../cli/run';"],
  ['src/sync/planner.ts', "import { x } from '../extension/extension';"],
  ['src/sync/planner.ts', "import { x } from '../webview/app';"],
  ['src/sync/planner.ts', "import { x } from '../demo/fakeServer';"],
  ['src/store/types.ts', "import * as x from 'vscode';"],
  ['src/store/types.ts', "import { x } from '../wecom/client';"],
  ['src/store/types.ts', "import { x } from '../extension/extension';"],
  ['src/store/types.ts', "import { x } from '../cli/run';"],
  ['src/store/types.ts', "import { x } from '../webview/app';"],
  ['src/store/types.ts', "import { x } from '../sync/planner';"],
  ['src/analysis/rollup.ts', "import * as x from 'vscode';"],
  ['src/analysis/rollup.ts', "import * as fs from 'node:fs';"],
  ['src/analysis/rollup.ts', "import { x } from '../store/types';"],
  ['src/analysis/rollup.ts', "import { x } from '../sync/planner';"],
  ['src/analysis/rollup.ts', "import { x } from '../wecom/client';"],
  ['src/analysis/rollup.ts', "import { x } from '../demo/fakeServer';"],
  ['src/analysis/rollup.ts', "import { x } from '../cli/run';"],
  ['src/analysis/rollup.ts', "import { x } from '../extension/extension';"],
  ['src/analysis/rollup.ts', "import { x } from '../webview/app';"],
];

suite('lint: import boundaries between the floors', function () {
  // Type-aware linting builds the TypeScript program once (several seconds).
  this.timeout(120_000);
  // With CI=true typescript-eslint runs in "single run" mode and parses each file as it is on
  // disk, ignoring the text passed to lintText: these probes would then lint the clean files.
  process.env.TSESTREE_SINGLE_RUN = 'false';
  const eslint = new ESLint({ cwd: ROOT });

  for (const [file, line] of VIOLATIONS) {
    test(`${file}: ${line}`, async () => {
      const [result] = await eslint.lintText(`${line}\nexport const probe = x;\n`, {
        filePath: path.join(ROOT, file),
      });
      const rules = result.messages.map((m) => m.ruleId);
      assert.ok(rules.includes('no-restricted-imports'), `not refused: ${JSON.stringify(result.messages)}`);
    });
  }

  test('an import that respects the floors passes', async () => {
    const [result] = await eslint.lintText(
      "import { METRIC_KEYS } from '../shared/metrics';\nexport const probe = METRIC_KEYS;\n",
      { filePath: path.join(ROOT, 'src/webview/app.ts') },
    );
    assert.deepEqual(
      result.messages.filter((m) => m.ruleId === 'no-restricted-imports'),
      [],
    );
  });
});
