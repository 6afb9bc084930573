// The demo accounts the seed creates. While any is active, every page says so.
import type { AppRole } from "@/lib/permissions";

export const DEMO_PASSWORD = "demarche-demo";

export const DEMO_ACCOUNTS: readonly { email: string; name: string; role: AppRole }[] = [
  { email: "admin@demarche.local", name: "Demo Admin", role: "ADMIN" },
  { email: "editor@demarche.local", name: "Demo Editor", role: "EDITOR" },
  { email: "analyst@demarche.local", name: "Demo Analyst", role: "ANALYST" },
  { email: "viewer@demarche.local", name: "Demo Viewer", role: "VIEWER" },
];

export const DEMO_EMAILS: readonly string[] = DEMO_ACCOUNTS.map((a) => a.email);
