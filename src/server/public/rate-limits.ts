import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { DeskError } from "../errors";

// Limits on what anonymous visitors may do, per IP and per desk. Counted per process: behind
// several instances each counts on its own (README, "Scaling out").
const limiters = {
  submitPerIp: new RateLimiterMemory({ keyPrefix: "submit-ip", points: 10, duration: 3600 }),
  submitPerDesk: new RateLimiterMemory({ keyPrefix: "submit-desk", points: 500, duration: 3600 }),
  replyPerIp: new RateLimiterMemory({ keyPrefix: "reply-ip", points: 60, duration: 3600 }),
  linkPerIp: new RateLimiterMemory({ keyPrefix: "link-ip", points: 5, duration: 3600 }),
  linkPerEmail: new RateLimiterMemory({ keyPrefix: "link-email", points: 3, duration: 3600 }),
  linkPerDesk: new RateLimiterMemory({ keyPrefix: "link-desk", points: 200, duration: 3600 }),
  commentPerIp: new RateLimiterMemory({ keyPrefix: "comment-ip", points: 10, duration: 3600 }),
  commentPerDesk: new RateLimiterMemory({ keyPrefix: "comment-desk", points: 300, duration: 3600 }),
  votePerIp: new RateLimiterMemory({ keyPrefix: "vote-ip", points: 120, duration: 3600 }),
};

export type PublicLimit = keyof typeof limiters;

/**
 * Takes one point from each named limit; when any is spent, refuses with TOO_MANY_REQUESTS (HTTP
 * 429) and the minutes to wait, and takes nothing more.
 */
export async function consumePublicLimits(checks: [PublicLimit, string | null][]): Promise<void> {
  for (const [name, key] of checks) {
    if (!key) continue;
    try {
      await limiters[name].consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const minutes = Math.max(1, Math.ceil(error.msBeforeNext / 60_000));
      throw new DeskError("TOO_MANY_REQUESTS", "public.tooMany", { params: { minutes } });
    }
  }
}
