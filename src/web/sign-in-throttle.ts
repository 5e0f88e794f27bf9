// Slows password guessing: a fixed budget of failed password checks per account and per client address in a window.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { normalizeReviewerName } from '../store/index.ts';

/** How many failed password checks are allowed per window, per account and per client address. */
export interface ThrottleLimits {
  perAccount: number;
  perAddress: number;
  windowSeconds: number;
}

/**
 * 10 wrong passwords per account and 50 per address in 15 minutes. The account limit stops a guesser who spreads
 * over many addresses; the address limit stops one who spreads over many names. Ten is far below the 100 that NIST
 * SP 800-63B (5.2.2) allows, and 15 minutes keeps a deliberate lock-out of a colleague short.
 */
export const defaultThrottleLimits: ThrottleLimits = { perAccount: 10, perAddress: 50, windowSeconds: 15 * 60 };

/** An attempt refused by the throttle, with the seconds until the next may be made (for `Retry-After`). */
export class ThrottledError extends Error {
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super(`too many wrong passwords: try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * The counters, in this process's memory (rate-limiter-flexible): they restart with the server, which an attacker
 * cannot make happen, and cost no database write per guess.
 */
export class SignInThrottle {
  private readonly byAccount: RateLimiterMemory;
  private readonly byAddress: RateLimiterMemory;

  constructor(limits: ThrottleLimits = defaultThrottleLimits) {
    const duration = limits.windowSeconds;
    this.byAccount = new RateLimiterMemory({ keyPrefix: 'account', points: limits.perAccount, duration });
    this.byAddress = new RateLimiterMemory({ keyPrefix: 'address', points: limits.perAddress, duration });
  }

  /**
   * Runs `check` (a password check: true when it passed) unless the account or the address has used up its budget,
   * in which case it throws ThrottledError without running it. Each attempt is counted before it runs, so parallel
   * guesses cannot slip past the budget; a passed check gives the point back and clears the account's count.
   */
  async attempt<T>(accountName: string, address: string, check: () => Promise<T | undefined>): Promise<T | undefined> {
    const account = normalizeReviewerName(accountName).toLowerCase();
    await consume(this.byAddress, address);
    await consume(this.byAccount, account);
    const passed = await check();
    if (passed !== undefined) {
      await this.byAccount.delete(account);
      await this.byAddress.reward(address);
    }
    return passed;
  }
}

async function consume(limiter: RateLimiterMemory, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (refused) {
    if (refused instanceof RateLimiterRes)
      throw new ThrottledError(Math.max(1, Math.ceil(refused.msBeforeNext / 1000)));
    throw refused;
  }
}
