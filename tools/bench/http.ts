// A tiny HTTP client with a cookie jar that signs in through next-auth's
// credentials provider (as tests/smoke/http-smoke.ts does) and fetches pages.

export class HttpClient {
  private readonly jar = new Map<string, string>();

  constructor(private readonly base: string) {}

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.jar.size) headers.set("cookie", [...this.jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const res = await fetch(new URL(path, this.base), { ...init, headers, redirect: "manual" });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      const name = pair!.slice(0, i);
      const value = pair!.slice(i + 1);
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return res;
  }

  /** The cookies of the session, as a Cookie header (for other HTTP clients). */
  cookieHeader(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async signIn(email: string, password: string): Promise<void> {
    const csrfRes = await this.fetch("/api/auth/csrf");
    if (!csrfRes.ok) throw new Error(`GET /api/auth/csrf answered ${csrfRes.status}`);
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const res = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: "/" }),
    });
    await res.text();
    if (!res.ok || ![...this.jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) {
      throw new Error(`Signing in as ${email} failed (HTTP ${res.status}).`);
    }
  }

  /** Fetches a page whole (body read to the end); throws unless it answers 200. */
  async page(path: string): Promise<number> {
    const res = await this.fetch(path);
    const body = await res.text();
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}${res.headers.get("location") ? ` (to ${res.headers.get("location")})` : ""}`);
    return body.length;
  }
}
