import { describe, expect, it } from "vitest";
import { rateLimitedSeconds, signInErrorMessage } from "@/lib/auth/sign-in-messages";

describe("a rate-limited sign-in's wait", () => {
  it("is carried in seconds, so that a 30 s wait is said and sent as 30 s, not as a minute", () => {
    expect(signInErrorMessage("RateLimited:30")).toBe("Too many attempts, try again in 30 seconds.");
    expect(signInErrorMessage("RateLimited:1")).toBe("Too many attempts, try again in 1 second.");
    expect(signInErrorMessage("RateLimited:61")).toBe("Too many attempts, try again in 2 minutes.");
    expect(signInErrorMessage("RateLimited:900")).toBe("Too many attempts, try again in 15 minutes.");
    expect(rateLimitedSeconds("/signin?error=RateLimited%3A30")).toBe(30);
    expect(rateLimitedSeconds('{"url":"...error=RateLimited:240"}')).toBe(240);
    expect(rateLimitedSeconds("CredentialsSignin")).toBeNull();
  });

  it("words other errors without saying which of email and password was wrong", () => {
    expect(signInErrorMessage("CredentialsSignin")).toBe("Wrong email or password.");
    expect(signInErrorMessage("Anything")).toBe("Sign-in failed. Try again.");
  });
});
