/**
 * The demo corp's follow-user list: pinyin user ids, most with Chinese display names, and a few
 * odd ids (owner ids are opaque strings; these catch missing escaping in HTML, CSV and JSON).
 */

/** The first owners, in list order: [userid, display name]. Later owners are generated. */
const NAMED_OWNERS: ReadonlyArray<readonly [string, string]> = [
  ['zhangsan', '张三'],
  ['lisi', '李四'],
  ['wangwu', '王五'],
  ['zhangwei', '张伟'],
  ['wangfang', '王芳'],
  ['liuyang', '刘洋'],
  ['chenjing', '陈静'],
  ['a<b>&c', 'A<b>&C (odd id)'],
  ['yangli', '杨丽'],
  ['zhaolei', '赵磊'],
  ['huangmin', '黄敏'],
  ['Zhou "Jie", Sales', 'Zhou "Jie", Sales'],
  ['wuqiang', '吴强'],
  ['xulin', '徐琳'],
  ['sunyan', '孙燕'],
  ['maxiaoming', '马晓明'],
  ['zhuli', '朱丽'],
  ['hu jun', '胡军 (id with a space)'],
  ['guojing', '郭靖'],
  ['helin', '何琳'],
  ['linfeng', '林峰'],
  ['luoyu', '罗宇'],
  ['gaoyuan', '高远'],
  ['zhengkai', '郑凯'],
  ["o'brien&co", "O'Brien & Co"],
  ['liangchen', '梁晨'],
  ['songjia', '宋佳'],
  ['tangwei', '唐薇'],
  ['hanxue', '韩雪'],
  ['fengtao', '冯涛'],
];

export interface OwnerDirectory {
  readonly owners: readonly string[];
  readonly names: Readonly<Record<string, string>>;
}

/** `count` owners in a fixed order; ids after the named ones are `user0031`, `user0032`, … */
export function makeOwners(count: number): OwnerDirectory {
  const owners: string[] = [];
  const names: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const named = NAMED_OWNERS[i];
    const id = named ? named[0] : `user${String(i + 1).padStart(4, '0')}`;
    owners.push(id);
    // Generated owners keep their id as display name, like a member without a name set.
    names[id] = named ? named[1] : id;
  }
  return { owners, names };
}

/** Owners at these list positions own no groups at all (all figures zero, every day). */
export function ownsNoGroups(index: number): boolean {
  return index % 9 === 5;
}
