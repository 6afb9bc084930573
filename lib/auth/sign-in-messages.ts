// What the sign-in page says for next-auth's error codes. The same words for
// an unknown email and a wrong password.
// A refused sign-in's code carries the wait in seconds ("RateLimited:30"):
// the page words it, the API's Retry-After gives it exactly.
export const RATE_LIMITED_PREFIX = "RateLimited:";

/** The wait in a rate-limited sign-in's code (or in a URL that carries it), in seconds. */
export function rateLimitedSeconds(text: string): number | null {
  const match = /RateLimited(?:%3A|:)(\d+)/.exec(text);
  return match ? Number.parseInt(match[1]!, 10) : null;
}

export function signInErrorMessage(code: string): string {
  if (code.startsWith(RATE_LIMITED_PREFIX)) {
    const seconds = rateLimitedSeconds(code) ?? 15 * 60;
    if (seconds < 60) return `Too many attempts, try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
    const minutes = Math.ceil(seconds / 60);
    return `Too many attempts, try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
  if (code === "CredentialsSignin") return "Wrong email or password.";
  if (code === "SessionRequired") return "Sign in to continue.";
  return "Sign-in failed. Try again.";
}
