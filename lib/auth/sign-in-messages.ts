// What the sign-in page says for next-auth's error codes. The same words for
// an unknown email and a wrong password.
export const RATE_LIMITED_PREFIX = "RateLimited:";

export function signInErrorMessage(code: string): string {
  if (code.startsWith(RATE_LIMITED_PREFIX)) {
    const minutes = Number.parseInt(code.slice(RATE_LIMITED_PREFIX.length), 10) || 15;
    return `Too many attempts, try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
  if (code === "CredentialsSignin") return "Wrong email or password.";
  if (code === "SessionRequired") return "Sign in to continue.";
  return "Sign-in failed. Try again.";
}
