/**
 * Ground-truth figures of the demo corp. "As of" figures follow a smooth per-owner curve, and the
 * flows are derived from consecutive days so that, for every owner and day,
 *   chat_total(d) = chat_total(d−1) + new_chat_cnt(d) − churn(d),  0 ≤ churn(d) ≤ chat_total(d−1)
 * (the same for members), and "has messages" figures never exceed their totals.
 *
 * The doc words `msg_total`, `chat_has_msg` and `member_has_msg` "as of that day" (截至当天), so the
 * demo treats them as running totals, like the glossary's labels: `msg_total` never falls (every
 * day adds that day's messages, fewer at weekends), and the groups and members that have sent
 * messages are a steady share of the day's totals rather than a new draw each day.
 */
import { addDays, daysBetween } from '../shared/days';
import type { CstDay } from '../shared/days';
import { emptyStats } from '../shared/metrics';
import type { GroupChatStats } from '../shared/metrics';
import { Salt, hashString, intUpTo, unit } from './random';

/** Slowly varying traits of one owner. */
interface OwnerProfile {
  readonly key: number;
  readonly baseChats: number;
  readonly membersPerChat: number;
  readonly activeChatRatio: number;
  readonly activeMemberRatio: number;
  /** Messages on a weekday, across the owner's groups. */
  readonly dailyMessages: number;
  readonly phase: number;
  /** The day (number) the owner's groups start counting messages. */
  readonly firstDay: number;
  readonly education: boolean;
  readonly empty: boolean;
}

/**
 * The dataset indexes days by number (days since 1970-01-01 CST): its curves and weekday rhythm
 * are arithmetic on that index. The calendar itself is `shared/days.ts`'s.
 */
const DAY_ZERO: CstDay = '1970-01-01';

/** Owners' message counts start within a year of this day (number); before it they are 0. */
const FIRST_DAY = 18993; // 2022-01-01

/** Weekend days (Saturday, Sunday) are quieter. 1970-01-01 was a Thursday: n % 7 of 2 and 3. */
const WEEK_WEIGHTS = [1, 1, 0.6, 0.6, 1, 1, 1];
const WEEK_WEIGHT = WEEK_WEIGHTS.reduce((a, b) => a + b, 0);

/** Σ of the weekday weights of days 0 … n−1 (in closed form, so any day costs the same). */
function weightedDays(n: number): number {
  let partial = 0;
  for (let m = 0; m < n % 7; m++) {
    partial += WEEK_WEIGHTS[m];
  }
  return Math.floor(n / 7) * WEEK_WEIGHT + partial;
}

/** CST day → its day number. */
export function dayNumber(day: CstDay): number {
  return daysBetween(DAY_ZERO, day);
}

/** Day number → its CST day. */
export function dayOfNumber(n: number): CstDay {
  return addDays(DAY_ZERO, n);
}

export class DemoDataset {
  private readonly profiles = new Map<string, OwnerProfile>();

  /** `empty(owner)` says which owners own no groups at all. */
  constructor(
    private readonly seed: number,
    private readonly isEmpty: (owner: string) => boolean,
  ) {}

  statsFor(owner: string, day: CstDay): GroupChatStats {
    return this.statsOnDay(owner, dayNumber(day));
  }

  /** Same as `statsFor`, by day number (the server works on numbers to avoid re-parsing). */
  statsOnDay(owner: string, n: number): GroupChatStats {
    const p = this.profile(owner);
    if (p.empty) {
      return emptyStats();
    }
    const chats = this.chatsOn(p, n);
    const prevChats = this.chatsOn(p, n - 1);
    const members = this.membersOn(p, n, chats);
    const prevMembers = this.membersOn(p, n - 1, prevChats);
    const chatHasMsg = Math.min(chats, Math.round(chats * p.activeChatRatio));
    const memberHasMsg = Math.min(members, Math.round(members * p.activeMemberRatio));
    const messages = this.messagesThrough(p, n);
    const migrated = p.education
      ? Math.min(chats, Math.round(chats * 0.08 * this.u(p, n, Salt.Migrated)))
      : 0;
    return {
      new_chat_cnt: this.inflow(p, n, chats, prevChats, Salt.ChatChurn, 0.03),
      chat_total: chats,
      chat_has_msg: chatHasMsg,
      new_member_cnt: this.inflow(p, n, members, prevMembers, Salt.MemberChurn, 0.01),
      member_total: members,
      member_has_msg: memberHasMsg,
      msg_total: messages,
      migrate_trainee_chat_cnt: migrated,
    };
  }

  /** New that day = growth (if any) + what replaced the day's churn; churn ≤ min(yesterday, today). */
  private inflow(
    p: OwnerProfile,
    n: number,
    today: number,
    before: number,
    salt: Salt,
    churnRate: number,
  ): number {
    const floor = Math.min(today, before);
    // At least one possible leaver a day (when there is anyone), so small owners show some activity.
    const churn = intUpTo(
      Math.min(floor, Math.max(1, Math.round(floor * churnRate))),
      this.seed,
      p.key,
      n,
      salt,
    );
    return Math.max(0, today - before) + churn;
  }

  /**
   * Messages sent in the owner's groups from their first day through day n: about `dailyMessages`
   * a weekday, 0.6 of that at weekends, plus a bounded wobble (≤ 0.4 of a day) that can never
   * outweigh a day's messages, so the total never falls.
   */
  private messagesThrough(p: OwnerProfile, n: number): number {
    if (n < p.firstDay) {
      return 0;
    }
    const days = weightedDays(n + 1) - weightedDays(p.firstDay);
    return Math.round(p.dailyMessages * (days + 0.4 * this.u(p, n, Salt.Messages)));
  }

  private chatsOn(p: OwnerProfile, n: number): number {
    const season = 1 + 0.25 * Math.sin((2 * Math.PI * (n + p.phase)) / 120);
    const noise = 0.06 * (this.u(p, n, Salt.Chats) - 0.5);
    return Math.max(0, Math.round(p.baseChats * (season + noise)));
  }

  private membersOn(p: OwnerProfile, n: number, chats: number): number {
    const drift =
      1 + 0.1 * Math.sin((2 * Math.PI * (n + p.phase)) / 45) + 0.04 * (this.u(p, n, Salt.Members) - 0.5);
    return Math.max(0, Math.round(chats * p.membersPerChat * drift));
  }

  private u(p: OwnerProfile, n: number, salt: Salt): number {
    return unit(this.seed, p.key, n, salt);
  }

  private profile(owner: string): OwnerProfile {
    let p = this.profiles.get(owner);
    if (!p) {
      const key = hashString(owner);
      const r = (i: number): number => unit(this.seed, key, Salt.Profile, i);
      // Skewed: most owners run a handful of groups, a few run a lot.
      const baseChats = 2 + Math.round(60 * r(1) * r(1) + 8 * r(2));
      const activeChatRatio = 0.3 + 0.6 * r(4);
      const messagesPerActiveChat = 3 + 40 * r(6);
      p = {
        key,
        baseChats,
        membersPerChat: 8 + 50 * r(3),
        activeChatRatio,
        activeMemberRatio: 0.1 + 0.4 * r(5),
        dailyMessages: baseChats * activeChatRatio * messagesPerActiveChat,
        phase: Math.floor(365 * r(7)),
        firstDay: FIRST_DAY + Math.floor(365 * r(7)),
        education: r(8) < 0.25,
        empty: this.isEmpty(owner),
      };
      this.profiles.set(owner, p);
    }
    return p;
  }
}
