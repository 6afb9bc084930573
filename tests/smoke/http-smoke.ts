// End-to-end checks over HTTP against a running app with the demo data:
// sign-in for every demo role, what each may open, sign-out, anonymous access,
// security headers and cookies, and the sign-in rate limit (last, since it
// locks the address out for 15 minutes).
//
//   npx tsx tests/smoke/http-smoke.ts http://127.0.0.1:3107
import { check, finish } from "./checks";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const production = process.argv.includes("--production");


class Client {
  jar = new Map<string, string>();
  setCookies: string[] = [];
  async fetch(path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    if (this.jar.size) headers.set("cookie", [...this.jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const res = await fetch(base + path, { ...init, headers, redirect: "manual" });
    for (const c of res.headers.getSetCookie()) {
      this.setCookies.push(c);
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      const name = pair!.slice(0, i);
      const value = pair!.slice(i + 1);
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return res;
  }
  async csrf(): Promise<string> {
    const res = await this.fetch("/api/auth/csrf");
    return ((await res.json()) as { csrfToken: string }).csrfToken;
  }
  async signIn(email: string, password: string) {
    const csrfToken = await this.csrf();
    return this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: "/" }),
    });
  }
  async signOut() {
    const csrfToken = await this.csrf();
    return this.fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, json: "true" }),
    });
  }
  hasSession() {
    return [...this.jar.keys()].some((k) => k.endsWith("next-auth.session-token"));
  }
}

async function main() {
  const anon = new Client();
  const health = await anon.fetch("/api/health");
  check("GET /api/health is 200 db up", health.status === 200 && (await health.text()).includes('"db":"up"'));

  const home = await anon.fetch("/");
  check("anonymous GET / redirects to /signin", home.status === 307 && (home.headers.get("location") ?? "").includes("/signin?callbackUrl=%2F"), `${home.status} ${home.headers.get("location")}`);
  const concern = await anon.fetch("/concerns/1");
  check("anonymous GET /concerns/1 redirects to /signin", concern.status === 307);
  const api = await anon.fetch("/api/anything");
  const apiBody = await api.text();
  check("anonymous API call answers 401 with the error shape", api.status === 401 && apiBody.includes('"code":"UNAUTHENTICATED"'), `${api.status} ${apiBody}`);
  const crossOrigin = await anon.fetch("/api/anything", { method: "POST", headers: { origin: "https://evil.example" } });
  check("cross-origin POST to the API answers 403", crossOrigin.status === 403, String(crossOrigin.status));

  const signin = await anon.fetch("/signin");
  const signinHtml = await signin.text();
  check("sign-in page is public", signin.status === 200 && signinHtml.includes("Sign in"));
  check("sign-in page shows the demo banner", signinHtml.includes("Demo accounts are active"));
  const csp = signin.headers.get("content-security-policy") ?? "";
  check("CSP forbids framing", csp.includes("frame-ancestors 'none'"), csp);
  if (production) check("CSP has no unsafe-eval in production", !csp.includes("unsafe-eval"), csp);
  check("X-Content-Type-Options nosniff", signin.headers.get("x-content-type-options") === "nosniff");
  check("Referrer-Policy set", Boolean(signin.headers.get("referrer-policy")));
  if (production) check("HSTS in production", (signin.headers.get("strict-transport-security") ?? "").includes("max-age="));

  const roles = [
    { email: "admin@demarche.local", role: "admin", users: 200 },
    { email: "editor@demarche.local", role: "editor", users: 404 },
    { email: "analyst@demarche.local", role: "analyst", users: 404 },
    { email: "viewer@demarche.local", role: "viewer", users: 404 },
  ];
  for (const r of roles) {
    const c = new Client();
    const res = await c.signIn(r.email, "demarche-demo");
    check(`${r.role} signs in`, res.ok && c.hasSession(), `${res.status}`);
    const cookie = c.setCookies.find((s) => s.includes("next-auth.session-token=")) ?? "";
    check(`${r.role}'s session cookie is HttpOnly and SameSite=Lax`, /httponly/i.test(cookie) && /samesite=lax/i.test(cookie), cookie);
    if (production) check(`${r.role}'s session cookie is Secure`, /;\s*secure/i.test(cookie), cookie);
    const page = await c.fetch("/");
    const html = await page.text();
    check(`${r.role} sees the unresolved concerns`, page.status === 200 && html.includes("Igla-S") && html.includes(`(${r.role})`));
    check(`${r.role} sees the demo banner`, html.includes("Demo accounts are active"));
    const users = await c.fetch("/admin/users");
    check(`${r.role} gets ${r.users} from /admin/users`, users.status === r.users, String(users.status));
    const countries = await c.fetch("/countries?q=venezuela");
    check(`${r.role} opens the countries`, countries.status === 200 && (await countries.text()).includes("Venezuela"));
    await c.signOut();
    check(`${r.role} signs out`, !c.hasSession());
    const after = await c.fetch("/");
    check(`${r.role} is sent to sign-in after signing out`, after.status === 307);
  }

  // Same answer for unknown email and wrong password.
  const a = new Client();
  const unknown = await a.signIn("nobody@demarche.local", "whatever-password");
  const wrong = await a.signIn("viewer@demarche.local", "wrong-password-1");
  const unknownUrl = ((await unknown.json()) as { url: string }).url;
  const wrongUrl = ((await wrong.json()) as { url: string }).url;
  check("unknown email and wrong password get the same answer", unknown.status === 401 && wrong.status === 401 && new URL(unknownUrl).searchParams.get("error") === new URL(wrongUrl).searchParams.get("error"), `${unknownUrl} ${wrongUrl}`);

  // Three more failures make five for this account (and this address); the
  // sixth try is refused even with the right password.
  for (let i = 0; i < 3; i++) await a.signIn("viewer@demarche.local", `wrong-password-${i + 2}`);
  const sixth = await a.signIn("viewer@demarche.local", "demarche-demo");
  const sixthBody = await sixth.text();
  check("the 6th try is refused with 429, even with the right password", sixth.status === 429 && !a.hasSession(), `${sixth.status} ${sixthBody}`);
  check("the refusal says when to try again", sixthBody.includes("RateLimited") && Number(sixth.headers.get("retry-after")) > 0);

  finish("smoke");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
