// The API's reference, rendered on the server from the OpenAPI document
// (/api/v1/openapi.json): every operation with its parameters, body and
// answers, then every schema's fields. No script, nothing fetched.
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { requirePageUser } from "@/lib/auth/current-user";
import { openApiDocument } from "@/lib/api/openapi";

export const metadata: Metadata = { title: "API" };

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  items?: Schema;
  $ref?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  description?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
};

const link = "text-blue-700 underline dark:text-blue-400";
const METHODS = ["get", "post", "put", "patch", "delete"] as const;

function refName(ref: string): string {
  return ref.split("/").at(-1)!;
}

/** A schema in a few words ("string, at most 300", "one of A, B", "Actor"). */
function describe(s: Schema | undefined): React.ReactNode {
  if (!s) return "any";
  if (s.$ref) {
    const name = refName(s.$ref);
    return <a className={link} href={`#schema-${name}`}>{name}</a>;
  }
  if (s.enum) return `one of ${s.enum.map(String).join(", ")}`;
  if (s.const !== undefined) return `always ${JSON.stringify(s.const)}`;
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) {
    return alternatives.map((a, i) => (
      <span key={i}>
        {i > 0 ? " or " : ""}
        {describe(a)}
      </span>
    ));
  }
  if (s.type === "array") return <>list of {describe(s.items)}</>;
  const bits: string[] = [];
  if (s.format) bits.push(s.format);
  if (s.minLength !== undefined && s.minLength > 0) bits.push(`at least ${s.minLength} characters`);
  if (s.maxLength !== undefined) bits.push(`at most ${s.maxLength} characters`);
  if (s.minimum !== undefined) bits.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined) bits.push(`≤ ${s.maximum}`);
  // A format says it in a word (zod's date patterns are long).
  if (s.pattern && !s.format) bits.push(`pattern ${s.pattern}`);
  const type = Array.isArray(s.type) ? s.type.join(" or ") : (s.type ?? "any");
  return bits.length ? `${type} (${bits.join(", ")})` : type;
}

export default async function ApiDocsPage() {
  await connection();
  await requirePageUser("/api-docs");
  const doc = openApiDocument() as unknown as {
    info: { title: string; version: string; description?: string };
    paths: Record<string, Record<string, {
      operationId?: string;
      summary?: string;
      parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: Schema }[];
      requestBody?: { content: Record<string, { schema: Schema }> };
      responses: Record<string, { description: string; headers?: Record<string, { required?: boolean }>; content?: Record<string, { schema: Schema }> }>;
    }>>;
    components?: { schemas?: Record<string, Schema> };
  };
  const schemas = doc.components?.schemas ?? {};
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{doc.info.title} {doc.info.version}</h1>
        <p className="max-w-3xl text-sm">{doc.info.description}</p>
        <p className="text-sm">
          Base address <code>/api/v1</code>. The machine-readable document: <a className={link} href="/api/v1/openapi.json">openapi.json</a> (OpenAPI 3.1).
          Create a token on <Link className={link} href="/account">your account page</Link>.
        </p>
      </div>
      <nav aria-label="Operations" className="text-sm">
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {Object.keys(doc.paths).map((p) => (
            <li key={p}><a className={link} href={`#path-${p.replace(/\W+/g, "-")}`}>{p}</a></li>
          ))}
        </ul>
      </nav>
      {Object.entries(doc.paths).map(([path, ops]) => (
        <section key={path} id={`path-${path.replace(/\W+/g, "-")}`} aria-labelledby={`h-${path.replace(/\W+/g, "-")}`} className="space-y-4">
          <h2 id={`h-${path.replace(/\W+/g, "-")}`} className="border-b border-slate-200 pb-1 font-mono text-lg font-semibold dark:border-slate-800">{path}</h2>
          {METHODS.filter((m) => ops[m]).map((m) => {
            const op = ops[m]!;
            const body = op.requestBody?.content["application/json"]?.schema;
            return (
              <div key={m} className="space-y-2">
                <h3 className="font-semibold">
                  <span className="mr-2 rounded bg-slate-200 px-1.5 py-0.5 font-mono text-xs uppercase dark:bg-slate-800">{m}</span>
                  {op.summary}
                </h3>
                {op.parameters?.length ? (
                  <table className="w-full max-w-4xl border-collapse text-left text-sm">
                    <caption className="sr-only">Parameters of {m.toUpperCase()} {path}</caption>
                    <thead>
                      <tr className="border-b border-slate-300 dark:border-slate-700">
                        <th scope="col" className="py-1 pr-3">Parameter</th>
                        <th scope="col" className="py-1 pr-3">In</th>
                        <th scope="col" className="py-1 pr-3">Value</th>
                        <th scope="col" className="py-1 pr-3">Meaning</th>
                      </tr>
                    </thead>
                    <tbody>
                      {op.parameters.map((p) => (
                        <tr key={`${p.in}-${p.name}`} className="border-b border-slate-200 align-top dark:border-slate-800">
                          <th scope="row" className="py-1 pr-3 font-mono font-normal">{p.name}{p.required ? " (required)" : ""}</th>
                          <td className="py-1 pr-3">{p.in}</td>
                          <td className="py-1 pr-3">{describe(p.schema)}</td>
                          <td className="py-1 pr-3">{p.description ?? p.schema?.description ?? ""}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : null}
                {body ? <p className="text-sm">Body (JSON): {describe(body)}{body.properties ? <> with {Object.entries(body.properties).map(([k, v], i) => <span key={k}>{i ? ", " : ""}<code>{k}</code>: {describe(v)}</span>)}</> : null}</p> : null}
                <ul className="list-disc pl-5 text-sm">
                  {Object.entries(op.responses).map(([status, r]) => (
                    <li key={status}>
                      <span className="font-mono">{status}</span> {r.description}
                      {r.content?.["application/json"] ? <> ({describe(r.content["application/json"].schema)})</> : null}
                      {r.content && Object.keys(r.content).length > 1 ? <> As {Object.keys(r.content).join(" or ")}.</> : null}
                      {Object.entries(r.headers ?? {}).some(([, h]) => h.required) ? (
                        <> Headers: {Object.entries(r.headers ?? {}).filter(([, h]) => h.required).map(([h]) => h).join(", ")}.</>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </section>
      ))}
      <section aria-labelledby="schemas" className="space-y-4">
        <h2 id="schemas" className="border-b border-slate-200 pb-1 text-lg font-semibold dark:border-slate-800">Schemas</h2>
        {Object.entries(schemas).map(([name, s]) => (
          <div key={name} id={`schema-${name}`} className="space-y-1">
            <h3 className="font-mono font-semibold">{name}</h3>
            {s.description ? <p className="text-sm">{s.description}</p> : null}
            {s.properties ? (
              <table className="w-full max-w-4xl border-collapse text-left text-sm">
                <caption className="sr-only">Fields of {name}</caption>
                <thead>
                  <tr className="border-b border-slate-300 dark:border-slate-700">
                    <th scope="col" className="py-1 pr-3">Field</th>
                    <th scope="col" className="py-1 pr-3">Value</th>
                    <th scope="col" className="py-1 pr-3">Meaning</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(s.properties).map(([field, f]) => (
                    <tr key={field} className="border-b border-slate-200 align-top dark:border-slate-800">
                      <th scope="row" className="py-1 pr-3 font-mono font-normal">{field}{s.required?.includes(field) ? " (required)" : ""}</th>
                      <td className="py-1 pr-3">{describe(f)}</td>
                      <td className="py-1 pr-3">{f.description ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="text-sm">{describe(s)}</p>
            )}
          </div>
        ))}
      </section>
    </div>
  );
}
