/** Help texts of the history commands (sync, history, reconcile). */
import { HISTORY_DAYS } from '../shared/days';
import { METRIC_KEYS } from '../shared/metrics';
import { CONNECTION, ENVIRONMENT, EXIT } from './help';

const STORE = `  --store S        where the history lives: a file path (the embedded store) or a
                   postgres://user@host/db URL (a team's shared PostgreSQL; the password
                   from PGPASSWORD). Default: WECOM_STORE, else
                   $XDG_DATA_HOME/wecom-group-stats/history.db (~/.local/share/… when unset)`;

const SCOPE = `The store keeps each source apart: (WECOM_API_BASE, WECOM_CORP_ID, the app's secret, as a
hash). --demo uses the demo corp's own part of the store.`;

export const SYNC_HELP = `Usage: wecom-stats sync [--days N] [--recheck N] [--store S] [--dry-run]
                        [--format table|json] [--demo] [connection options]

Fetches what the history store lacks for the last N days (ending yesterday, CST) for every
follow user, and the days it holds only provisionally (fetched before 10:00 CST the next
day). The plan takes the cheaper way: groupchat/statistic one day at a time (⌈owners/100⌉
calls a day) or statistic_group_by_day one owner at a time (⌈days/30⌉ calls per run of
missing days). Each day (or owner) is written as soon as it arrives: Ctrl-C keeps what is
stored (exit 130) and the next sync fetches only the rest.

Options:
  --days N         the last N days, 1–${HISTORY_DAYS} (default ${HISTORY_DAYS})
  --recheck N      fetch the last N days again even when final; changed figures are kept
                   as revisions (default 0)
${STORE}
  --dry-run        print the plan and stop: no statistics call (the follow-user list is read)
  --format F       table (default) or json
  --demo           use the built-in fake WeCom server and demo data
${CONNECTION}

Before it starts, on an interactive stderr: the plan and its call count, then progress.
JSON (--dry-run): {"calls":N,"days":D,"owners":M,"plan":"by-day-statistic"|"per-owner-by-day"}
JSON (sync):      {"plan":{…as above…},"calls":N,"atoms":N,"inserted":N,"revised":N,
                   "unchanged":N,"absent":N,"skipped_units":N}

${SCOPE}

${ENVIRONMENT}
  WECOM_STORE, PGPASSWORD   see --store

${EXIT}
`;

export const HISTORY_HELP = `Usage: wecom-stats history --from D --to D [--owners a,b,…] [--store S]
                           [--format table|json|csv] [--demo]
       wecom-stats history export --format jsonl|csv [--store S]
       wecom-stats history import FILE [--store S]

history: each owner's stored figures per day, from the store only (no network), for any
stored days, older than WeCom's ${HISTORY_DAYS} days included. Days or owners the store lacks
are simply not listed.

Options:
  --from D --to D  the range, both included (CST days, YYYY-MM-DD)
  --owners LIST    owner user ids, comma-separated, CSV quoting (default: every stored owner)
  --format F       table (default), json or csv
  --demo           the demo corp's history (what sync --demo stored)
${STORE}

JSON: {"range":{"from":…,"to":…},"items":[{"date":"YYYY-MM-DD","owner":"…",
       "data":{the 8 figures},"final":true|false,"revisions":[{"fetched_at":"ISO","data":{…}}]}]};
       an owner WeCom returned no row for that day is {"date","owner","absent":true}
CSV:  date,owner,final,fetched_at,${METRIC_KEYS.join(',')},revisions

export: the whole store (every source, every atom and revision), one line per owner and day
  plus one per revision, in JSON lines or CSV with the columns
  scope_key,api_base_url,corp_id,app,date,owner,fetched_at,final,absent,${METRIC_KEYS.join(',')},replaced_at
  (replaced_at is empty for the current value, set on a revision; absent rows have empty figures).
import: reads such a file (JSON lines or CSV, told apart by its first line) into the store;
  importing the same file twice changes nothing the second time.

${SCOPE}

${ENVIRONMENT}
  WECOM_STORE, PGPASSWORD   see --store

${EXIT}
`;

export const RECONCILE_HELP = `Usage: wecom-stats reconcile --date D [--owners a,b,…] [--store S] [--format table|json]
                             [--demo] [connection options]

For one day and a set of owners (default: every follow user), the sum of the stored atoms
against WeCom's statistic_group_by_day for the same owners, fetched now, field by field. A
mismatch is shown, never hidden: it is how a revision or a difference in how WeCom aggregates
is noticed. Exit status 0 whether or not they agree; 1 on an API error; 2 when the store lacks
the day for some owners (run sync first).

Options:
  --date D         the day (within WeCom's last ${HISTORY_DAYS} days)
  --owners LIST    owner user ids, comma-separated, CSV quoting (default: every follow user)
${STORE}
  --format F       table (default) or json
  --demo           use the built-in fake WeCom server and the demo corp's history
${CONNECTION}

JSON: {"date":"YYYY-MM-DD","consistent":true|false,
       "fields":[{"field":"new_chat_cnt","sum_of_owners":N,"by_day":N}, …]}

${ENVIRONMENT}
  WECOM_STORE, PGPASSWORD   see --store

${EXIT}
`;
