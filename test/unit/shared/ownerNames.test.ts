import * as assert from 'node:assert/strict';
import { ownerListTitle } from '../../../src/shared/ownerNames';

const more = (n: number): string => `+${n}`;

suite('shared/ownerNames: the owners a panel title lists', () => {
  test('up to three short names are listed in full', () => {
    assert.equal(ownerListTitle(['张三', '李四'], more), '张三, 李四');
    assert.equal(ownerListTitle(['张三', '李四', '王五'], more), '张三, 李四, 王五');
  });
  test('more than three: the first two and how many more', () => {
    assert.equal(ownerListTitle(['张三', '李四', '王五', '赵六', '钱七'], more), '张三, 李四 +3');
  });
  test('three long names are shortened like many', () => {
    const names = ['Alexandra Longname', 'Bartholomew Longname', 'Christopher Longname'];
    assert.equal(ownerListTitle(names, more), 'Alexandra Longname, Bartholomew Longname +1');
  });
  test('one owner per name, never "+0"', () => {
    assert.equal(ownerListTitle(['张三'], more), '张三');
  });
  test('a very long name ends in an ellipsis, counted in characters not UTF-16 units', () => {
    assert.equal(
      ownerListTitle(['x'.repeat(30), '😀'.repeat(25)], more),
      `${'x'.repeat(19)}…, ${'😀'.repeat(19)}…`,
    );
  });
});
