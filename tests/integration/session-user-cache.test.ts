// getSessionUser reads the session once per server-component render (React's
// cache()), and on every call outside one (actions, route handlers, the API,
// scripts), so that a change to the session is seen by the next call.
//
// The render is a real one: React's server build and the Flight renderer Next
// ships (next/dist/compiled/react-server-dom-webpack), the way Next renders a
// layout, its page and its metadata in one request. Vitest resolves "react"
// to React's client build, whose cache() never caches, so this file hands the
// server build to both the module under test and the renderer.
import { createRequire } from "node:module";
import path from "node:path";
import { PassThrough } from "node:stream";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { withMigratedDatabase } from "@/tests/helpers/db";
import { actAs, makeUser } from "@/tests/helpers/session";

const require = createRequire(import.meta.url);
// The files the "react-server" export condition picks (not exported by path).
const serverReactPath = path.join(path.dirname(require.resolve("react")), "react.react-server.js");
const serverReactDomPath = path.join(path.dirname(require.resolve("react-dom")), "react-dom.react-server.js");
type ServerReact = typeof import("react");
const serverReact = require(serverReactPath) as ServerReact;
type Renderer = {
  renderToPipeableStream: (model: unknown, webpackMap: unknown, options?: { onError?: (e: unknown) => void }) => { pipe: (s: NodeJS.WritableStream) => void };
};
// React DOM's and the renderer's own require("react") and require("react-dom")
// get the server builds while they load; everything else keeps the default ones.
const renderer = (() => {
  const reactKey = require.resolve("react");
  const reactDomKey = require.resolve("react-dom");
  const saved = [require.cache[reactKey], require.cache[reactDomKey]] as const;
  try {
    require.cache[reactKey] = require.cache[serverReactPath];
    require(serverReactDomPath);
    require.cache[reactDomKey] = require.cache[serverReactDomPath];
    return require("next/dist/compiled/react-server-dom-webpack/server.node.js") as Renderer;
  } finally {
    for (const [key, mod] of [[reactKey, saved[0]], [reactDomKey, saved[1]]] as const) {
      if (mod) require.cache[key] = mod;
      else delete require.cache[key];
    }
  }
})();

vi.mock("react", () => createRequire(import.meta.url)(path.join(path.dirname(createRequire(import.meta.url).resolve("react")), "react.react-server.js")));
vi.mock("@/lib/auth/request-context", () => import("@/tests/helpers/session").then((m) => m.requestContextMock));

const ctx = withMigratedDatabase("session_cache");
let current: typeof import("@/lib/auth/current-user");
let sessionQueries: () => number;

beforeAll(async () => {
  vi.stubEnv("DATABASE_URL", ctx.url);
  current = await import("@/lib/auth/current-user");
  const pool = (await import("@/lib/db/client")).getPool();
  const query = vi.spyOn(pool, "query");
  sessionQueries = () => query.mock.calls.filter(([sql]) => typeof sql === "string" && sql.includes('"EndedSession"')).length;
});

/** Renders a layout, its page and its metadata as one request, each asking for the user, and returns the payload. */
async function renderRequest(): Promise<string> {
  const { renderToPipeableStream } = renderer;
  const h = serverReact.createElement;
  const Metadata = async () => h("title", null, `Title for ${(await current.getSessionUser())?.name}`);
  const Page = async () => h("p", null, `Page for ${(await current.getSessionUser())?.role}`);
  const Layout = async () => h("div", null, `Layout for ${(await current.getSessionUser())?.email}`, h(Metadata), h(Page));
  const errors: unknown[] = [];
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => sink.on("end", resolve));
  renderToPipeableStream(h(Layout), {}, { onError: (e) => void errors.push(e) }).pipe(sink);
  await done;
  expect(errors).toEqual([]);
  return Buffer.concat(chunks).toString("utf8");
}

describe("getSessionUser", () => {
  it("asks the database once for a layout, its page and its metadata rendered in one request", async () => {
    const user = await makeUser(ctx.db, "ANALYST");
    await actAs(ctx.db, user.id);
    const before = sessionQueries();
    const payload = await renderRequest();
    expect(payload).toContain(`Layout for ${user.email}`);
    expect(payload).toContain(`Title for ${user.name}`);
    expect(payload).toContain("Page for ANALYST");
    expect(sessionQueries() - before).toBe(1);
  });

  it("asks again in the next request: the cache lasts one render, and a session ended meanwhile is seen", async () => {
    const user = await makeUser(ctx.db, "EDITOR");
    await actAs(ctx.db, user.id);
    const before = sessionQueries();
    expect(await renderRequest()).toContain("Page for EDITOR");
    await ctx.db.user.update({ where: { id: user.id }, data: { active: false } });
    const second = await renderRequest();
    expect(second).toContain("Page for undefined");
    expect(second).toContain("Layout for undefined");
    expect(sessionQueries() - before).toBe(2);
  });

  it("outside a render (actions, route handlers, scripts) checks the database on every call", async () => {
    const user = await makeUser(ctx.db, "VIEWER");
    await actAs(ctx.db, user.id);
    const before = sessionQueries();
    expect(await current.getSessionUser()).toMatchObject({ id: user.id });
    expect(await current.requireUser()).toMatchObject({ id: user.id });
    await ctx.db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await current.getSessionUser()).toBeNull();
    expect(sessionQueries() - before).toBe(3);
  });
});
