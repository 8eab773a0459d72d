import * as assert from 'node:assert/strict';
import { UsageError, parseCommandLine, splitOwnerList } from '../../../src/cli/args';
import type { CliCommand } from '../../../src/cli/args';

/** 2026-06-15 12:00 CST: yesterday is 2026-06-14, the window starts 2025-12-17. */
const NOW = Date.UTC(2026, 5, 15, 4, 0, 0);

function usage(argv: string[]): string {
  try {
    parseCommandLine(argv, NOW);
  } catch (err) {
    assert.ok(err instanceof UsageError, `UsageError for ${argv.join(' ')}`);
    return err.message;
  }
  assert.fail(`expected a usage error for ${argv.join(' ')}`);
}

function parsed<K extends CliCommand['kind']>(argv: string[], kind: K): Extract<CliCommand, { kind: K }> {
  const command = parseCommandLine(argv, NOW);
  assert.equal(command.kind, kind);
  return command as Extract<CliCommand, { kind: K }>;
}

suite('cli: argument parsing', () => {
  test('owners defaults: yesterday (CST), all owners, chat_total descending, table', () => {
    const c = parsed(['owners'], 'owners');
    assert.deepEqual(c.range, { from: '2026-06-14', to: '2026-06-14' });
    assert.equal(c.owners, undefined);
    assert.equal(c.sortBy, 'chat_total');
    assert.equal(c.ascending, false);
    assert.equal(c.format, 'table');
    assert.equal(c.demo, false);
  });

  test('owners --date, --from/--to, --sort, --asc, --format, --demo', () => {
    assert.deepEqual(parsed(['owners', '--date', '2026-06-01'], 'owners').range, {
      from: '2026-06-01',
      to: '2026-06-01',
    });
    const c = parsed(
      [
        'owners',
        '--from',
        '2026-06-01',
        '--to',
        '2026-06-07',
        '--sort',
        'msg_total',
        '--asc',
        '--format',
        'csv',
        '--demo',
      ],
      'owners',
    );
    assert.deepEqual(c.range, { from: '2026-06-01', to: '2026-06-07' });
    assert.equal(c.sortBy, 'msg_total');
    assert.equal(c.ascending, true);
    assert.equal(c.format, 'csv');
    assert.equal(c.demo, true);
  });

  test('by-day needs --from and --to and accepts 180 days', () => {
    const c = parsed(['by-day', '--from', '2025-12-17', '--to', '2026-06-14', '--format', 'json'], 'by-day');
    assert.deepEqual(c.range, { from: '2025-12-17', to: '2026-06-14' });
    assert.match(usage(['by-day', '--from', '2026-06-01']), /--to/);
    assert.match(usage(['by-day']), /--from/);
  });

  test('bad dates, inverted ranges and days outside the window are usage errors that state the window', () => {
    assert.match(usage(['owners', '--date', '2026-02-30']), /not a date.*YYYY-MM-DD/);
    assert.match(usage(['owners', '--date', 'yesterday']), /not a date/);
    assert.match(usage(['owners', '--from', '2026-06-10', '--to', '2026-06-01']), /after the end/);
    assert.match(usage(['owners', '--date', '2026-06-15']), /outside.*2025-12-17 … 2026-06-14/);
    assert.match(usage(['by-day', '--from', '2025-12-16', '--to', '2026-01-01']), /outside.*180 days/);
    assert.match(
      usage(['owners', '--date', '2026-06-01', '--from', '2026-06-01']),
      /either --date or --from/,
    );
    assert.match(usage(['owners', '--from', '2026-06-01']), /--to/);
  });

  test('unknown metric, format, option and command', () => {
    assert.match(
      usage(['owners', '--sort', 'groups']),
      /unknown figure "groups".*new_chat_cnt.*migrate_trainee_chat_cnt/,
    );
    assert.match(usage(['owners', '--format', 'xml']), /table, json or csv/);
    assert.match(usage(['owners', '--nope']), /--nope.*owners --help/);
    assert.match(
      usage(['by-day', '--from', '2026-06-01', '--to', '2026-06-02', '--sort', 'chat_total']),
      /--sort/,
    );
    assert.match(usage(['owners', 'extra']), /extra|positional/i);
    assert.match(usage(['stats']), /unknown command "stats"/);
  });

  test('help: global and per command, documenting env vars', () => {
    for (const argv of [[], ['--help'], ['-h'], ['help']]) {
      const c = parsed(argv, 'help');
      assert.match(c.text, /WECOM_CORP_ID/);
      assert.match(c.text, /WECOM_CORP_SECRET/);
      assert.match(c.text, /WECOM_API_BASE/);
      assert.match(c.text, /by-day/);
    }
    assert.match(parsed(['owners', '--help'], 'help').text, /^Usage: wecom-stats owners/);
    assert.match(parsed(['by-day', '-h'], 'help').text, /^Usage: wecom-stats by-day/);
    assert.match(parsed(['help', 'by-day'], 'help').text, /^Usage: wecom-stats by-day/);
  });

  test('--owners: comma-separated, CSV quoting for odd ids, repeatable, de-duplicated', () => {
    assert.deepEqual(splitOwnerList('zhangsan,lisi'), ['zhangsan', 'lisi']);
    assert.deepEqual(splitOwnerList(' zhangsan , hu jun '), ['zhangsan', 'hu jun']);
    assert.deepEqual(splitOwnerList('"Zhou ""Jie"", Sales",a<b>&c'), ['Zhou "Jie", Sales', 'a<b>&c']);
    assert.throws(() => splitOwnerList('a,,b'), UsageError);
    assert.throws(() => splitOwnerList('"open'), UsageError);
    assert.throws(() => splitOwnerList('""'), UsageError);
    const c = parsed(['owners', '--owners', 'lisi,zhangsan', '--owners', 'lisi,wangwu'], 'owners');
    assert.deepEqual(c.owners, ['lisi', 'zhangsan', 'wangwu']);
  });
});
