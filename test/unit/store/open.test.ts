/** Where a store lives: a PostgreSQL URL or a file; the CLI's default file. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { defaultStorePath, isPostgresUrl } from '../../../src/store/open';

suite('history store location', () => {
  test('postgres:// and postgresql:// URLs name the team store; anything else is a file', () => {
    assert.equal(isPostgresUrl('postgres://u@h:5432/db'), true);
    assert.equal(isPostgresUrl('POSTGRESQL://u@h/db'), true);
    assert.equal(isPostgresUrl('/home/me/history.db'), false);
    assert.equal(isPostgresUrl('C:\\Users\\me\\history.db'), false);
  });

  test('the CLI default: WECOM_STORE, else $XDG_DATA_HOME, else ~/.local/share', () => {
    assert.equal(defaultStorePath({ WECOM_STORE: '/x/h.db', XDG_DATA_HOME: '/d' }, '/home/me'), '/x/h.db');
    assert.equal(
      defaultStorePath({ XDG_DATA_HOME: '/d' }, '/home/me'),
      path.join('/d', 'wecom-group-stats', 'history.db'),
    );
    assert.equal(
      defaultStorePath({}, '/home/me'),
      path.join('/home/me', '.local', 'share', 'wecom-group-stats', 'history.db'),
    );
    // XDG says a relative value is invalid and must be ignored.
    assert.equal(
      defaultStorePath({ XDG_DATA_HOME: 'rel' }, '/home/me'),
      path.join('/home/me', '.local', 'share', 'wecom-group-stats', 'history.db'),
    );
  });
});
