/** Access tokens of the fake server: one current token per corp, reissued only after it expires. */
import { randomBytes } from 'node:crypto';

export type TokenCheck = 0 | 41001 | 40014 | 42001;

export class TokenStore {
  /** Every token ever issued → its expiry (ms); expired ones stay so they answer 42001, not 40014. */
  private readonly expiries = new Map<string, number>();
  private current: string | undefined;
  /** 0 = off; else each token answers 42001 after this many further successful checks. */
  private callLimit = 0;
  private readonly uses = new Map<string, number>();
  /** Tokens expired by the call limit, so their 42001s can be told from a TTL expiry. */
  private readonly usedUp = new Set<string>();

  constructor(
    private ttlSeconds: number,
    private readonly now: () => number,
  ) {}

  /** The current token while valid (same string, remaining lifetime), else a new one. */
  issue(): { token: string; expiresIn: number } {
    const now = this.now();
    const existing = this.current;
    if (existing !== undefined) {
      const expiresAt = this.expiries.get(existing) ?? 0;
      if (expiresAt > now) {
        return { token: existing, expiresIn: Math.ceil((expiresAt - now) / 1000) };
      }
    }
    const token = randomBytes(32).toString('base64url');
    this.expiries.set(token, now + this.ttlSeconds * 1000);
    this.current = token;
    return { token, expiresIn: this.ttlSeconds };
  }

  check(token: string | null | undefined): TokenCheck {
    if (!token) {
      return 41001;
    }
    const expiresAt = this.expiries.get(token);
    if (expiresAt === undefined) {
      return 40014;
    }
    if (expiresAt <= this.now()) {
      return 42001;
    }
    if (this.callLimit > 0) {
      const used = (this.uses.get(token) ?? 0) + 1;
      if (used > this.callLimit) {
        this.expire(token);
        this.usedUp.add(token);
        return 42001;
      }
      this.uses.set(token, used);
    }
    return 0;
  }

  /** Every token (those issued already and later ones) expires after `calls` further API calls; 0 = off. */
  setCallLimit(calls: number): void {
    this.callLimit = calls;
    this.uses.clear();
  }

  expiredByCallLimit(token: string | null | undefined): boolean {
    return token ? this.usedUp.has(token) : false;
  }

  private expire(token: string): void {
    this.expiries.set(token, Number.NEGATIVE_INFINITY);
    if (this.current === token) {
      // The next gettoken issues a fresh token, as after a real expiry.
      this.current = undefined;
    }
  }

  expireAll(): void {
    for (const token of this.expiries.keys()) {
      this.expiries.set(token, Number.NEGATIVE_INFINITY);
    }
    this.current = undefined;
  }
}
