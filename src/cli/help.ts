/** The CLI's help texts: everything a user can type, and the environment it reads. */
import { HISTORY_DAYS, MAX_SPAN_DAYS } from '../shared/days';
import { METRIC_KEYS } from '../shared/metrics';
import { DEFAULT_API_BASE } from '../wecom/types';

const ENVIRONMENT = `Environment:
  WECOM_CORP_ID       your corp ID (ww…), required unless --demo
  WECOM_CORP_SECRET   the secret of a self-built app allowed to call customer-contact
                      APIs, required unless --demo (never printed)
  WECOM_API_BASE      API base URL (default ${DEFAULT_API_BASE}), e.g. a relay
  HTTPS_PROXY, NO_PROXY   standard proxy variables, honoured by the client`;

const DATES = `Dates are China Standard Time (UTC+8) calendar days written YYYY-MM-DD, from
yesterday back to ${HISTORY_DAYS} days before today (WeCom keeps nothing older, and today is not ready).`;

const EXIT = `Exit status: 0 success, 1 WeCom API or network error, 2 bad usage or missing
configuration, 130 interrupted. Errors are one line on stderr.`;

const FIGURES = `Figures (API field names, usable with --sort): ${METRIC_KEYS.join(', ')}.`;

export const GLOBAL_HELP = `wecom-stats — WeCom customer-group statistics per owner and per day

Usage:
  wecom-stats owners [--date D | --from D --to D] [--owners a,b,…] [--sort METRIC] [--asc]
                     [--format table|json|csv] [--demo]
  wecom-stats by-day --from D --to D [--owners a,b,…] [--format table|json|csv] [--demo]
  wecom-stats <command> --help
  wecom-stats --help

Commands:
  owners   totals per group owner (groupchat/statistic), sorted
  by-day   figures per day summed over owners (groupchat/statistic_group_by_day)

Common options:
  --owners LIST    owner user ids, comma-separated (default: every follow user); quote an id
                   containing a comma CSV-style: --owners 'lisi,"Zhou ""Jie"", Sales"';
                   may be repeated
  --format F       table (default), json or csv (RFC 4180, header row of API field names)
  --demo           start the built-in fake WeCom server with demo data and use it
                   (no credentials needed)
  -h, --help       show help

${DATES}

${FIGURES}

${ENVIRONMENT}

${EXIT}

Examples:
  wecom-stats owners --demo
  WECOM_CORP_ID=ww… WECOM_CORP_SECRET=… wecom-stats owners --from 2026-06-01 --to 2026-06-07 --sort new_member_cnt
  wecom-stats by-day --from 2026-03-01 --to 2026-06-14 --format csv > days.csv
`;

export const OWNERS_HELP = `Usage: wecom-stats owners [--date D | --from D --to D] [--owners a,b,…]
                          [--sort METRIC] [--asc] [--format table|json|csv] [--demo]

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

JSON: {"range":{"from":"YYYY-MM-DD","to":"YYYY-MM-DD"},
       "items":[{"owner":"…","data":{the 8 figures}}]}
CSV:  owner,${METRIC_KEYS.join(',')}

${DATES}

${ENVIRONMENT}

${EXIT}
`;

export const BY_DAY_HELP = `Usage: wecom-stats by-day --from D --to D [--owners a,b,…] [--format table|json|csv] [--demo]

Figures per day over up to ${HISTORY_DAYS} days, summed over the owners (one row per day
WeCom reports, in date order; a day it leaves out is left out, not shown as zeros).

Options:
  --from D --to D  the range, both included (required; long ranges are fetched in ${MAX_SPAN_DAYS}-day windows)
  --owners LIST    owner user ids, comma-separated, CSV quoting for ids with commas or
                   quotes; may be repeated (default: every follow user)
  --format F       table (default), json or csv
  --demo           use the built-in fake WeCom server and demo data

JSON: {"range":{"from":"…","to":"…"},"owners":[…] or null (all follow users),
       "items":[{"date":"YYYY-MM-DD","stat_time":<00:00 CST, Unix seconds>,"data":{the 8 figures}}]}
CSV:  date,stat_time,${METRIC_KEYS.join(',')}

${DATES}

${ENVIRONMENT}

${EXIT}
`;
