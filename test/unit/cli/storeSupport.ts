/**
 * What the CLI's store tests (sync/history, rollup/rank) share: a fake WeCom server and a store
 * file in a temp folder for each test, the environment naming both, and the JSON shapes of the
 * rollup and rank output.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FakeWeComServer } from '../../../src/demo/fakeServer';
import { startServer } from '../wecom/support';

export interface StoreTestPlace {
  readonly server: FakeWeComServer;
  /** The temp folder holding the store file (other files of the test may go there too). */
  readonly dir: string;
  /** The server's credentials and URL, and WECOM_STORE naming `dir`/history.db. */
  readonly env: Record<string, string>;
}

/** Registers setup and teardown; `use` hands the suite each test's place as it starts. */
export function serverWithStoreFile(
  options: Parameters<typeof startServer>[0],
  use: (place: StoreTestPlace) => void,
): void {
  let place: StoreTestPlace | undefined;
  setup(async () => {
    const server = await startServer(options);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wecom-cli-store-'));
    place = {
      server,
      dir,
      env: {
        WECOM_CORP_ID: server.corpId,
        WECOM_CORP_SECRET: server.corpSecret,
        WECOM_API_BASE: server.url,
        WECOM_STORE: path.join(dir, 'history.db'),
      },
    };
    use(place);
  });
  teardown(async () => {
    await place?.server.close();
    if (place) {
      fs.rmSync(place.dir, { recursive: true, force: true });
    }
  });
}

export interface RollupJson {
  by: string;
  range: { from: string; to: string };
  items: Array<{
    period: string;
    from: string;
    to: string;
    complete: boolean;
    data: Record<string, number | null>;
    change: Record<string, number | null>;
  }>;
}

export interface RankJson {
  metric: string;
  items: Array<{ owner: string; value: number; rank: number; previous_rank: number | null }>;
}
