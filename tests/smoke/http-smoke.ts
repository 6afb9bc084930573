// End-to-end checks over HTTP against a running app with the demo data:
// sign-in for every demo role, what each may open, sign-out (a copy of the
// cookie is refused afterwards), anonymous access, security headers and
// cookies, and the sign-in limits, with this machine's other loopback
// addresses (127.0.0.2, 127.0.0.3...) as other clients: the app must see the
// socket's address (X-Forwarded-For is not the client's to choose). Last,
// since it leaves the viewer's account and a few addresses limited for up to
// 15 minutes (the viewer's own browser and other addresses are not).
//
//   npx tsx tests/smoke/http-smoke.ts http://127.0.0.1:3107
import http from "node:http";
import { check, finish } from "./checks";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const production = process.argv.includes("--production");

/** One request from a given local address (node:http: fetch cannot choose it). */
function send(path: string, init: { method?: string; headers?: Headers; body?: string }, localAddress: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      base + path,
      { method: init.method ?? "GET", headers: Object.fromEntries(init.headers ?? []), localAddress, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const headers = new Headers();
          for (let i = 0; i < res.rawHeaders.length; i += 2) headers.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
          const status = res.statusCode ?? 0;
          resolve(new Response([204, 304].includes(status) ? null : Buffer.concat(chunks), { status, headers }));
        });
      },
    );
    req.on("error", reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${path}`)));
    req.end(init.body);
  });
}

class Client {
  jar = new Map<string, string>();
  setCookies: string[] = [];
  /** A browser on this machine at one of its loopback addresses. */
  constructor(readonly address = "127.0.0.1") {}
  async fetch(path: string, init: { method?: string; headers?: Record<string, string>; body?: URLSearchParams | string } = {}) {
    const headers = new Headers(init.headers);
    if (this.jar.size) headers.set("cookie", [...this.jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const res = await send(path, { method: init.method, headers, body: init.body?.toString() }, this.address);
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
  hasDeviceCookie() {
    return [...this.jar.keys()].some((k) => k.endsWith("demarche-device"));
  }
  /** Another client holding a copy of this one's cookies (a stolen or left-behind cookie; the same browser elsewhere). */
  copy(address = this.address): Client {
    const c = new Client(address);
    c.jar = new Map(this.jar);
    return c;
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
    const copied = c.copy();
    await c.signOut();
    check(`${r.role} signs out`, !c.hasSession());
    const after = await c.fetch("/");
    check(`${r.role} is sent to sign-in after signing out`, after.status === 307);
    // Sign-out ends the session on the server, not only in this browser.
    const copiedPage = await copied.fetch("/");
    check(`${r.role}'s copied cookie no longer opens a page after sign-out`, copiedPage.status === 307, String(copiedPage.status));
    const copiedApi = await copied.fetch("/api/v1/countries");
    check(`${r.role}'s copied cookie gets 401 from the API after sign-out`, copiedApi.status === 401, String(copiedApi.status));
  }

  // A plain sign-out ends that session only: the same user's other browser goes on.
  const laptop = new Client();
  const phone = new Client();
  await laptop.signIn("analyst@demarche.local", "demarche-demo");
  await phone.signIn("analyst@demarche.local", "demarche-demo");
  await laptop.signOut();
  const phonePage = await phone.fetch("/");
  check("signing out one browser leaves the user's other session signed in", phonePage.status === 200, String(phonePage.status));
  await phone.signOut();

  // Sign-in limits (README: How access is enforced). The viewer signs in
  // from their own browser at 127.0.0.1, which then holds a known-device
  // cookie.
  const owner = new Client("127.0.0.1");
  const ownerIn = await owner.signIn("viewer@demarche.local", "demarche-demo");
  check("a sign-in gives the browser a known-device cookie", ownerIn.ok && owner.hasDeviceCookie(), owner.setCookies.join(" | "));
  const deviceCookie = owner.setCookies.find((s) => /demarche-device=/.test(s)) ?? "";
  check("the known-device cookie is HttpOnly and SameSite=Lax", /httponly/i.test(deviceCookie) && /samesite=lax/i.test(deviceCookie), deviceCookie);
  await owner.signOut();

  // An attacker at 127.0.0.2: the same answer for an unknown email and a wrong password...
  const attacker = new Client("127.0.0.2");
  const unknown = await attacker.signIn("nobody@demarche.local", "whatever-password");
  const wrong = await attacker.signIn("viewer@demarche.local", "wrong-password-1");
  const unknownUrl = ((await unknown.json()) as { url: string }).url;
  const wrongUrl = ((await wrong.json()) as { url: string }).url;
  check("unknown email and wrong password get the same answer", unknown.status === 401 && wrong.status === 401 && new URL(unknownUrl).searchParams.get("error") === new URL(wrongUrl).searchParams.get("error"), `${unknownUrl} ${wrongUrl}`);
  // ...four more wrong passwords make five for this (account, address): the
  // sixth try from there is refused, even with the right password.
  const tries = [];
  for (let i = 0; i < 4; i++) tries.push((await attacker.signIn("viewer@demarche.local", `wrong-password-${i + 2}`)).status);
  check("five wrong passwords are each answered 401", tries.every((s) => s === 401), tries.join(","));
  const sixth = await attacker.signIn("viewer@demarche.local", "demarche-demo");
  const sixthBody = await sixth.text();
  check("the 6th try from the same address is refused with 429, even with the right password", sixth.status === 429 && !attacker.hasSession(), `${sixth.status} ${sixthBody}`);
  check("the refusal says when to try again (15 minutes)", sixthBody.includes("RateLimited") && Number(sixth.headers.get("retry-after")) > 14 * 60 && Number(sixth.headers.get("retry-after")) <= 15 * 60, `${sixth.headers.get("retry-after")} ${sixthBody}`);

  // From another address, without the viewer's browser: asked to wait (a
  // delay growing with each failure, not a lock).
  const elsewhere = new Client("127.0.0.3");
  const waited = await elsewhere.signIn("viewer@demarche.local", "demarche-demo");
  check("another address must wait after five failures on the account", waited.status === 429 && !elsewhere.hasSession() && Number(waited.headers.get("retry-after")) <= 60, `${waited.status} ${waited.headers.get("retry-after")}`);

  // The viewer's own browser is not slowed down: at home, and at another address.
  const atHome = await owner.signIn("viewer@demarche.local", "demarche-demo");
  check("the owner's browser signs in during the attack", atHome.ok && owner.hasSession(), String(atHome.status));
  await owner.signOut();
  const travelling = owner.copy("127.0.0.3");
  const away = await travelling.signIn("viewer@demarche.local", "demarche-demo");
  check("the owner's browser signs in from another address during the attack", away.ok && travelling.hasSession(), String(away.status));
  await travelling.signOut();

  // An office behind one address (127.0.0.3): two colleagues' typos, four
  // each, lock nobody; both sign in right after.
  const office = ["analyst@demarche.local", "editor@demarche.local"].map((email) => ({ email, client: new Client("127.0.0.3") }));
  for (const { email, client } of office) for (let i = 0; i < 4; i++) await client.signIn(email, `typo-${i}-password`);
  for (const { email, client } of office) {
    const res = await client.signIn(email, "demarche-demo");
    check(`${email} signs in from the office address after the office's 8 typos`, res.ok && client.hasSession(), String(res.status));
    await client.signOut();
  }

  // Spraying many accounts from one address (127.0.0.4) is stopped there.
  const sprayer = new Client("127.0.0.4");
  const sprayed = [];
  for (let i = 0; i < 50; i++) sprayed.push((await sprayer.signIn(`sprayed-${i}@demarche.local`, "Summer2026!!")).status);
  const after50 = await sprayer.signIn("admin@demarche.local", "demarche-demo");
  check("50 failures over many accounts from one address are answered 401", sprayed.every((s) => s === 401), sprayed.join(","));
  check("then that address is refused with 429, even for a real account's right password", after50.status === 429 && !sprayer.hasSession(), String(after50.status));
  const admin = new Client("127.0.0.1");
  const adminIn = await admin.signIn("admin@demarche.local", "demarche-demo");
  check("other addresses are not affected by the sprayer", adminIn.ok && admin.hasSession(), String(adminIn.status));

  finish("smoke");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
