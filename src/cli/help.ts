/** The CLI's help texts: everything a user can type, and the environment it reads. */
import { glossaryLines } from '../shared/glossary';
import { CONCURRENCY_RANGE, TIMEOUT_RANGE } from '../shared/clientLimits';
import { HISTORY_DAYS, MAX_SPAN_DAYS } from '../shared/days';
import { METRIC_KEYS } from '../shared/metrics';
import { DEFAULT_API_BASE } from '../wecom/types';

export const ENVIRONMENT = `Environment:
  WECOM_CORP_ID       your corp ID (ww…), required unless --demo
  WECOM_CORP_SECRET   the secret of a self-built app allowed to call customer-contact
                      APIs, required unless --demo (never printed)
  WECOM_API_BASE      API base URL (default ${DEFAULT_API_BASE}), e.g. a relay
  WECOM_TIMEOUT_MS, WECOM_CONCURRENCY, WECOM_ALLOW_INSECURE_HTTP=1
                      defaults of --timeout, --concurrency, --allow-insecure-http
                      (a flag wins over its variable)
  HTTPS_PROXY, NO_PROXY   standard proxy variables, honoured by the client (an invalid
                      proxy URL is a usage error)`;

/** The connection options, shared by both commands. */
export const CONNECTION = `  --timeout MS     deadline of one request attempt, ${TIMEOUT_RANGE.min}–${TIMEOUT_RANGE.max} ms
                   (default ${TIMEOUT_RANGE.default}); a reply that has not fully arrived by then is retried
  --concurrency N  WeCom requests at once, ${CONCURRENCY_RANGE.min}–${CONCURRENCY_RANGE.max} (default ${CONCURRENCY_RANGE.default})
  --allow-insecure-http
                   allow an http:// WECOM_API_BASE to a host other than this computer
                   (the secret and tokens then cross the network unencrypted); refused
                   without it`;

const DATES = `Dates are China Standard Time (UTC+8) calendar days written YYYY-MM-DD, from
yesterday back to ${HISTORY_DAYS} days before today (WeCom keeps nothing older, and today is not ready).`;

export const EXIT = `Exit status: 0 success, 1 WeCom API or network error (a reply that was cut off,
incomplete or malformed included), 2 bad usage or missing configuration, 130 interrupted.
Errors are one line on stderr; stdout gets output only when the whole result arrived.`;

/** The eight figures from the glossary: API field name (usable with --sort), kind, names, definition. */
export const FIGURES = `Figures (flow: new that day, summed over days; as-of: a level on that day, never summed):
${glossaryLines().join('\n')}`;

export const GLOBAL_HELP = `wecom-stats — WeCom customer-group statistics per owner and per day

Usage:
  wecom-stats owners [--date D | --from D --to D] [--owners a,b,…] [--sort METRIC] [--asc]
                     [--format table|json|csv] [--demo] [connection options]
  wecom-stats by-day --from D --to D [--owners a,b,…] [--format table|json|csv] [--demo]
                     [--store S] [connection options]
  wecom-stats sync [--days N] [--recheck N] [--store S] [--dry-run] [--format table|json]
  wecom-stats history --from D --to D [--owners a,b,…] [--store S] [--format table|json|csv]
  wecom-stats history export --format jsonl|csv [--store S]
  wecom-stats history import FILE [--store S]
  wecom-stats reconcile --date D [--owners a,b,…] [--store S] [--format table|json]
  wecom-stats rollup --by week|month --from D --to D [--owners a,b,…] [--store S] [--no-fetch]
  wecom-stats rank --metric FIELD --from D --to D [--top N] [--owners a,b,…] [--store S] [--no-fetch]
  wecom-stats <command> --help
  wecom-stats --help

Commands:
  owners     totals per group owner (groupchat/statistic), sorted
  by-day     figures per day summed over owners (groupchat/statistic_group_by_day)
  sync       fetch what the history store lacks (or holds only provisionally) of the
             last N days, with the fewest calls; kept past WeCom's ${HISTORY_DAYS} days
  history    each owner's stored figures per day, no network; export, import
  reconcile  the store's sum over owners for a day against WeCom's by-day figure
  rollup     week or month roll-ups from the store: flows summed, as-of figures at the
             period's last day with their change (fetches what the store lacks first)
  rank       owners ranked by a figure over a range, with the previous period's rank

Common options:
  --owners LIST    owner user ids, comma-separated (default: every follow user); quote an id
                   containing a comma CSV-style: --owners 'lisi,"Zhou ""Jie"", Sales"';
                   may be repeated
  --format F       table (default), json or csv (RFC 4180, header row of API field names)
  --demo           start the built-in fake WeCom server with demo data and use it
                   (no credentials needed)
  -h, --help       show help

Connection options:
${CONNECTION}

${DATES}

${FIGURES}

${ENVIRONMENT}
  WECOM_STORE         default of --store (see wecom-stats sync --help)
  PGPASSWORD          the password of a postgres:// --store without one

${EXIT}

Examples:
  wecom-stats owners --demo
  WECOM_CORP_ID=ww… WECOM_CORP_SECRET=… wecom-stats owners --from 2026-06-01 --to 2026-06-07 --sort new_member_cnt
  wecom-stats by-day --from 2026-03-01 --to 2026-06-14 --format csv > days.csv
  wecom-stats sync --demo --days 7 --store /tmp/demo-history.db
`;

export const OWNERS_HELP = `Usage: wecom-stats owners [--date D | --from D --to D] [--owners a,b,…]
                          [--sort METRIC] [--asc] [--format table|json|csv] [--demo] [--store URL]
                          [--timeout MS] [--concurrency N] [--allow-insecure-http]

Totals per group owner over one day or a range of up to ${MAX_SPAN_DAYS} days.

Options:
  --date D         one day (default: yesterday, CST)
  --from D --to D  a range of up to ${MAX_SPAN_DAYS} days, both included; the figures are WeCom's for
                   the whole range (whether an "as of" figure such as chat_total is then the
                   last day's or a sum is undocumented; by-day shows each day)
  --owners LIST    owner user ids, comma-separated, CSV quoting for ids with commas or
                   quotes; may be repeated (default: every follow user)
  --sort METRIC    figure to sort by (default chat_total); one of:
                   ${METRIC_KEYS.join(', ')}
  --asc            ascending (default descending)
  --format F       table (default), json or csv
  --demo           use the built-in fake WeCom server and demo data
  --store URL      one day from the history store (a file path or postgres:// URL), older than
                   180 days too; what it lacks or holds provisionally is fetched and stored first
${CONNECTION}

JSON: {"range":{"from":"YYYY-MM-DD","to":"YYYY-MM-DD"},
       "items":[{"owner":"…","data":{the 8 figures}}, …]}; an owner WeCom returned no row for
       is {"owner":"…","absent":true} (no figures: not zeros, not in any sum)
CSV:  owner,${METRIC_KEYS.join(',')}
      An absent owner's figures are "-"; an owner id that would run as a spreadsheet formula
      (starting with = + - @) gets a leading '.

${DATES}

${ENVIRONMENT}

${EXIT}
`;

export const BY_DAY_HELP = `Usage: wecom-stats by-day --from D --to D [--owners a,b,…] [--format table|json|csv] [--demo]
                          [--store S] [--timeout MS] [--concurrency N] [--allow-insecure-http]

Figures per day over up to ${HISTORY_DAYS} days, summed over the owners, one row per day in date
order. A day WeCom does not report for every owner is never shown as a partial sum (nor as
zeros): the command fails with exit status 1 and names the days.

Options:
  --from D --to D  the range, both included (required; long ranges are fetched in ${MAX_SPAN_DAYS}-day windows)
  --owners LIST    owner user ids, comma-separated, CSV quoting for ids with commas or
                   quotes; may be repeated (default: every follow user)
  --format F       table (default), json or csv
  --demo           use the built-in fake WeCom server and demo data
  --store S        read the days the history store holds for every owner (final) from it
                   and fetch only the rest; days older than ${HISTORY_DAYS} days then work when
                   stored (see wecom-stats sync --help for S)
${CONNECTION}

JSON: {"range":{"from":"…","to":"…"},"owners":[…] or null (all follow users),
       "items":[{"date":"YYYY-MM-DD","stat_time":<00:00 CST, Unix seconds>,"data":{the 8 figures}}]}
CSV:  date,stat_time,${METRIC_KEYS.join(',')}

${DATES}

${ENVIRONMENT}

${EXIT}
`;
