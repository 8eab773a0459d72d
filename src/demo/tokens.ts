/** Access tokens of the fake server: one current token per corp, reissued only after it expires. */
import { randomBytes } from 'node:crypto';

export type TokenCheck = 0 | 41001 | 40014 | 42001;

export class TokenStore {
  /** Every token ever issued → its expiry (ms); expired ones stay so they answer 42001, not 40014. */
  private readonly expiries = new Map<string, number>();
  private current: string | undefined;

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
    return expiresAt > this.now() ? 0 : 42001;
  }

  expireAll(): void {
    for (const token of this.expiries.keys()) {
      this.expiries.set(token, Number.NEGATIVE_INFINITY);
    }
    this.current = undefined;
  }
}
