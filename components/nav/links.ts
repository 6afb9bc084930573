// The header's links: the primary ones in the bar, the others under "More"
// (and all of them in the phone menu). Who sees the admin ones is decided by
// the layout (app/(app)/layout.tsx) from the user's permissions.
export type NavLink = { href: string; label: string };

export const PRIMARY_LINKS: NavLink[] = [
  { href: "/concerns", label: "Concerns" },
  { href: "/requests", label: "Requests" },
  { href: "/transfers", label: "Transfers" },
  { href: "/inspections", label: "Inspections" },
  { href: "/countries", label: "Countries" },
  { href: "/map", label: "Map" },
];

export const MORE_LINKS: NavLink[] = [
  { href: "/sources", label: "Sources" },
  { href: "/actors", label: "Actors" },
  { href: "/weapon-systems", label: "Weapon systems" },
  { href: "/quotes", label: "Quotes" },
  { href: "/citations", label: "Citations" },
];

export const ACTIVITY_LINK: NavLink = { href: "/admin/activity", label: "Activity" };
export const USERS_LINK: NavLink = { href: "/admin/users", label: "Users" };

/** Whether `href` is the current page or one of its pages (/concerns/12 is under Concerns). */
export function isCurrent(pathname: string, href: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}
