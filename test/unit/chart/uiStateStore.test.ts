import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ChartUiStateStore } from '../../../src/extension/chart/uiStateStore';
import type { ChartUiState } from '../../../src/shared/protocol';
import { defaultUiState } from '../../../src/shared/protocol';

const ZHANG: ChartUiState = defaultUiState({ kind: 'owners', owners: ['zhangsan', 'a<b>&c'] });

suite('chart/uiStateStore: the host copy of each panel state', () => {
  let dir: string;
  let file: string;
  setup(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chart-ui-state-'));
    file = path.join(dir, 'nested', 'state.json');
  });
  teardown(() => fs.rm(dir, { recursive: true, force: true }));

  test('the latest saved state of a subject survives a new store on the same file (a reload)', async () => {
    const first = new ChartUiStateStore(file);
    await first.save({ ...ZHANG, metric: 'msg_total' });
    await first.save({
      ...ZHANG,
      range: { kind: 'custom', from: '2026-11-01', to: '2026-11-09' },
      view: 'table',
    });
    await first.save(defaultUiState({ kind: 'all' }));

    const reloaded = new ChartUiStateStore(file);
    // Owner order does not matter: the subject is the same set.
    const asked = defaultUiState({ kind: 'owners', owners: ['a<b>&c', 'zhangsan'] });
    const latest = await reloaded.latest(asked);
    assert.deepEqual(latest?.range, { kind: 'custom', from: '2026-11-01', to: '2026-11-09' });
    assert.equal(latest?.view, 'table');
    assert.equal(latest?.metric, 'chat_total');
    // The subject is the one asked for (as the panel names it).
    assert.deepEqual(latest?.subject, asked.subject);
    assert.equal(await reloaded.latest(defaultUiState({ kind: 'owners', owners: ['lisi'] })), undefined);
  });

  test('a missing, corrupt or foreign file remembers nothing; the next save replaces it', async () => {
    assert.equal(await new ChartUiStateStore(file).latest(ZHANG), undefined);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, '{not json');
    assert.equal(await new ChartUiStateStore(file).latest(ZHANG), undefined);
    await fs.writeFile(file, JSON.stringify([{ state: { ...ZHANG, metric: 'bogus' }, savedAt: 1 }]));
    const store = new ChartUiStateStore(file);
    assert.equal(await store.latest(ZHANG), undefined);
    await store.save(ZHANG);
    assert.deepEqual(await new ChartUiStateStore(file).latest(ZHANG), ZHANG);
  });

  test('bounded: the least recently saved subjects are forgotten beyond 100', async () => {
    let now = 0;
    const store = new ChartUiStateStore(file, () => ++now);
    for (let i = 0; i < 105; i++) {
      await store.save(defaultUiState({ kind: 'owners', owners: [`user${i}`] }));
    }
    const saved = JSON.parse(await fs.readFile(file, 'utf8')) as unknown[];
    assert.equal(saved.length, 100);
    assert.equal(await store.latest(defaultUiState({ kind: 'owners', owners: ['user4'] })), undefined);
    assert.ok(await store.latest(defaultUiState({ kind: 'owners', owners: ['user5'] })));
  });
});
