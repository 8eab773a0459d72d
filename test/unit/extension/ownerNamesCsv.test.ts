/** Import Owner Names' reading of a CSV (src/extension/commands/ownerNamesCsv.ts). */
import * as assert from 'node:assert/strict';
import { mergeOwnerNames, parseOwnerNamesCsv } from '../../../src/extension/commands/ownerNamesCsv';

const utf8 = (text: string) => new TextEncoder().encode(text);

suite('owner names CSV', () => {
  test('user ID and name, no header, comma or tab, CRLF, quotes', () => {
    assert.deepEqual(parseOwnerNamesCsv(utf8('zhangsan,张三\r\nlisi,"Li, Si"\r\n\r\n')), {
      ok: true,
      names: { zhangsan: '张三', lisi: 'Li, Si' },
      rows: 2,
    });
    assert.deepEqual(parseOwnerNamesCsv(utf8('wangwu\t王五\n"zhou ""jie"""\tZhou\n')), {
      ok: true,
      names: { wangwu: '王五', 'zhou "jie"': 'Zhou' },
      rows: 2,
    });
  });

  test("the admin console's member export with a BOM: the header picks the columns", () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    const text = '姓名,账号,别名,职务,部门\n张三,zhangsan,,销售,华东\n李四,lisi,,,"华北,北京"\n';
    const bytes = new Uint8Array([...bom, ...utf8(text)]);
    assert.deepEqual(parseOwnerNamesCsv(bytes), {
      ok: true,
      names: { zhangsan: '张三', lisi: '李四' },
      rows: 2,
    });
    assert.deepEqual(parseOwnerNamesCsv(utf8('UserID,Name\nzhangsan,Zhang San\n')), {
      ok: true,
      names: { zhangsan: 'Zhang San' },
      rows: 1,
    });
  });

  test('a bad file says what is wrong, with the line', () => {
    const problem = (bytes: Uint8Array) => {
      const result = parseOwnerNamesCsv(bytes);
      return result.ok ? undefined : result.problem;
    };
    // "张三" in GBK: not UTF-8.
    assert.deepEqual(problem(new Uint8Array([0x7a, 0x73, 0x2c, 0xd5, 0xc5, 0xc8, 0xfd])), {
      kind: 'notUtf8',
    });
    assert.deepEqual(problem(utf8('')), { kind: 'empty' });
    assert.deepEqual(problem(utf8('zhangsan,张三\nlisi\n')), { kind: 'tooFewColumns', line: 2 });
    assert.deepEqual(problem(utf8('zhangsan,张三\n,李四\n')), { kind: 'emptyId', line: 2 });
    assert.deepEqual(problem(utf8('a,b\nc,"open\nstill open\n')), { kind: 'unterminatedQuote', line: 2 });
  });

  test('merging keeps the other names and counts new and changed ones', () => {
    const { merged, added, changed } = mergeOwnerNames(
      { zhangsan: '张三', lisi: 'Li' },
      { lisi: '李四', wangwu: '王五', ['__proto__']: 'odd id' },
    );
    assert.deepEqual(merged, { zhangsan: '张三', lisi: '李四', wangwu: '王五', ['__proto__']: 'odd id' });
    assert.deepEqual([added, changed], [2, 1]);
  });
});
