/** Help texts of the insight commands (rollup, rank); the figures are listed from the glossary. */
import { CONNECTION, ENVIRONMENT, EXIT, FIGURES } from './help';

const SOURCE = `Reads the history store (--store S: a file path or a postgres:// URL; default WECOM_STORE,
else $XDG_DATA_HOME/wecom-group-stats/history.db). What the store lacks (or holds only
provisionally) within WeCom's last 180 days is fetched first with the fewest calls, as sync
does; the plan and its call count are printed on stderr before any call.
  --no-fetch       never call WeCom: refuse (exit 2) and name the days the store lacks
  --demo           use the built-in fake WeCom server and the demo corp's history`;

export const ROLLUP_HELP = `Usage: wecom-stats rollup --by week|month --from D --to D [--owners a,b,…] [--store S]
                          [--no-fetch] [--format table|json|csv] [--demo] [connection options]

Week (ISO, Monday to Sunday, CST; id 2026-W47) or month (id 2026-11) roll-ups of the sum over
the owners. Flows are summed over the period's days; an as-of figure is its value on the
period's last available day, with its change over the period (that value minus the value on
the day before the period). A period clipped by --from/--to, or with a missing or provisional
day, is "complete": false: its sums are never passed off as whole.

Options:
  --by week|month  the period
  --from D --to D  the range, both included (CST days, YYYY-MM-DD, before today)
  --owners LIST    owner user ids, comma-separated (default: every follow user; with
                   --no-fetch, every stored owner)
  --format F       table (default), json or csv
${SOURCE}
${CONNECTION}

JSON: {"by":"week"|"month","range":{"from":…,"to":…},"owners":N,"items":[{"period":"2026-W47",
       "from":"YYYY-MM-DD","to":"YYYY-MM-DD","complete":true|false,"data":{the 8 figures},
       "change":{the 6 as-of figures}}]}; a figure no day of the period has is null.

${FIGURES}

${ENVIRONMENT}
  WECOM_STORE, PGPASSWORD   see --store

${EXIT}
`;

export const RANK_HELP = `Usage: wecom-stats rank --metric FIELD --from D --to D [--top N] [--bottom] [--owners a,b,…]
                       [--store S] [--no-fetch] [--format table|json|csv] [--demo] [connection options]

Owners ranked by one figure over the range: the sum over the range for a flow, the value on
the owner's last present day for an as-of figure. Highest first; ties go by owner id. Each
owner's rank over the same number of days just before is shown, with the movement (↑3, ↓2,
= or new). Owners WeCom returned no row for are not zeros: an owner with no figures in a
period is not ranked there.

Options:
  --metric FIELD   one of the figures below
  --from D --to D  the range, both included (CST days, YYYY-MM-DD, before today)
  --top N          the first N (default 10); --bottom: the last N instead, lowest first
  --owners LIST    owner user ids, comma-separated (default: every follow user; with
                   --no-fetch, every stored owner)
  --format F       table (default), json or csv
${SOURCE}
${CONNECTION}

JSON: {"metric":FIELD,"range":{"from":…,"to":…},"previous":{"from":…,"to":…},
       "items":[{"owner":"…","value":N,"rank":N,"previous_rank":N|null}]}

${FIGURES}

${ENVIRONMENT}
  WECOM_STORE, PGPASSWORD   see --store

${EXIT}
`;
