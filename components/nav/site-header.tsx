"use client";
// The top bar (issue 14): one row at every width. From 1024 px: the brand,
// the primary links and "More" (a Radix DropdownMenu), the search box, "Log
// request", the account and sign out. Below: the brand, the search box and a
// menu button opening a Radix Dialog sheet with every link. The current page's
// link carries aria-current="page".
import { ChevronDown, LogOut, Menu, Shield, UserRound, UsersRound } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import { ACTIVITY_LINK, isCurrent, MORE_LINKS, PRIMARY_LINKS, USERS_LINK, type NavLink } from "@/components/nav/links";
import { AppMark } from "@/components/nav/app-mark";
import { signOutNow } from "@/components/sign-out-button";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Tooltip, TooltipProvider } from "@/components/ui/tooltip";

export type SiteHeaderProps = {
  user: { name: string; role: string };
  showActivity: boolean;
  showUsers: boolean;
  /** The header search box (components/search/header-search), placed by the layout. */
  search: ReactNode;
  /** "Log request" (components/log-shortcut), for those who may create records. */
  logAction: ReactNode;
  /** The same, as a link in the phone menu. */
  mayLog: boolean;
};

const barLink =
  "inline-flex h-9 items-center rounded-md px-2.5 text-sm font-medium text-muted-foreground hover:bg-accent hover:text-accent-foreground aria-[current=page]:bg-muted aria-[current=page]:text-foreground";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase() || "?";
}

export function SiteHeader({ user, showActivity, showUsers, search, logAction, mayLog }: SiteHeaderProps) {
  const pathname = usePathname() ?? "/";
  const [menuOpen, setMenuOpen] = useState(false);
  const more: NavLink[] = [...MORE_LINKS, ...(showActivity ? [ACTIVITY_LINK] : [])];
  const moreCurrent = more.some((l) => isCurrent(pathname, l.href)) || (showUsers && isCurrent(pathname, USERS_LINK.href));
  const role = user.role.toLowerCase();
  const current = (href: string) => (isCurrent(pathname, href) ? ("page" as const) : undefined);

  return (
    <TooltipProvider>
      <header data-print="hide" className="sticky top-0 z-40 border-b border-border bg-header/95 backdrop-blur supports-[backdrop-filter]:bg-header/85">
        <div className="mx-auto flex h-14 max-w-screen-2xl items-center gap-2 px-3 sm:px-4 xl:gap-3">
          <Link href="/" aria-current={current("/")} className="flex shrink-0 items-center gap-2 rounded-md pr-1 text-base font-semibold tracking-tight">
            <AppMark />
            <span className="max-sm:sr-only lg:max-xl:sr-only">Demarche</span>
          </Link>

          <nav aria-label="Main" className="hidden min-w-0 items-center gap-0.5 lg:flex">
            {PRIMARY_LINKS.map((l) => (
              <Link key={l.href} href={l.href} aria-current={current(l.href)} className={barLink}>
                {l.label}
              </Link>
            ))}
            <DropdownMenu>
              <DropdownMenuTrigger className={cn(barLink, "gap-1 data-[state=open]:bg-accent", moreCurrent && "text-foreground")}>
                More
                <ChevronDown aria-hidden="true" className="size-4" />
              </DropdownMenuTrigger>
              <DropdownMenuContent align="start">
                {more.map((l) => (
                  <DropdownMenuItem key={l.href} asChild>
                    <Link href={l.href} aria-current={current(l.href)} className="aria-[current=page]:font-semibold">
                      {l.label}
                    </Link>
                  </DropdownMenuItem>
                ))}
              </DropdownMenuContent>
            </DropdownMenu>
          </nav>

          <div className="ml-auto min-w-0 flex-1 sm:max-w-64 lg:max-w-48 xl:max-w-60">{search}</div>

          <div className="hidden shrink-0 items-center gap-1.5 lg:flex">
            {logAction}
            {showUsers ? (
              <Tooltip label="Users">
                <Button asChild variant="ghost" size="icon">
                  <Link href={USERS_LINK.href} aria-current={current(USERS_LINK.href)}>
                    <UsersRound aria-hidden="true" />
                    <span className="sr-only">{USERS_LINK.label}</span>
                  </Link>
                </Button>
              </Tooltip>
            ) : null}
            <Tooltip label={`Your account: ${user.name} (${role})`}>
              <Link
                href="/account"
                aria-current={current("/account")}
                className="inline-flex size-9 items-center justify-center rounded-full bg-muted text-xs font-semibold text-foreground ring-1 ring-border hover:ring-ring aria-[current=page]:ring-2 aria-[current=page]:ring-ring"
              >
                <span aria-hidden="true">{initials(user.name)}</span>
                <span className="sr-only">{`${user.name} (${role})`}</span>
              </Link>
            </Tooltip>
            <Tooltip label="Sign out">
              <Button variant="ghost" size="icon" onClick={signOutNow}>
                <LogOut aria-hidden="true" />
                <span className="sr-only">Sign out</span>
              </Button>
            </Tooltip>
          </div>

          <Dialog open={menuOpen} onOpenChange={setMenuOpen}>
            <DialogTrigger asChild>
              <Button variant="ghost" size="icon" className="lg:hidden" aria-label="Open the menu">
                <Menu aria-hidden="true" />
              </Button>
            </DialogTrigger>
            <DialogContent side="right" closeLabel="Close the menu" aria-describedby={undefined}>
              <DialogTitle className="pr-8">Menu</DialogTitle>
              <DialogDescription className="sr-only">Every page of Demarche</DialogDescription>
              <nav aria-label="Main" className="flex flex-col gap-4" onClick={(e) => ((e.target as HTMLElement).closest("a") ? setMenuOpen(false) : null)}>
                {mayLog ? (
                  <Button asChild>
                    <Link href="/requests/new">Log a lobbying attempt</Link>
                  </Button>
                ) : null}
                <SheetGroup title="Records" links={[{ href: "/", label: "Dashboard" }, ...PRIMARY_LINKS]} current={current} />
                <SheetGroup title="More" links={more} current={current} />
                <div className="space-y-1 border-t border-border pt-3">
                  <p className="px-2 text-xs font-semibold uppercase tracking-wide text-muted-foreground">Account</p>
                  <Link href="/account" aria-current={current("/account")} className={sheetLink}>
                    <UserRound aria-hidden="true" className="size-4 text-muted-foreground" />
                    {user.name} <span className="text-muted-foreground">({role})</span>
                  </Link>
                  {showUsers ? (
                    <Link href={USERS_LINK.href} aria-current={current(USERS_LINK.href)} className={sheetLink}>
                      <Shield aria-hidden="true" className="size-4 text-muted-foreground" />
                      Users
                    </Link>
                  ) : null}
                  <button type="button" onClick={signOutNow} className={cn(sheetLink, "w-full")}>
                    <LogOut aria-hidden="true" className="size-4 text-muted-foreground" />
                    Sign out
                  </button>
                </div>
              </nav>
            </DialogContent>
          </Dialog>
        </div>
      </header>
    </TooltipProvider>
  );
}

const sheetLink =
  "flex items-center gap-2 rounded-md px-2 py-2 text-sm font-medium text-foreground hover:bg-accent aria-[current=page]:bg-muted aria-[current=page]:font-semibold";

function SheetGroup({ title, links, current }: { title: string; links: NavLink[]; current: (href: string) => "page" | undefined }) {
  return (
    <div className="space-y-1">
      <p className="px-2 text-xs font-semibold uppercase tracking-wide text-muted-foreground">{title}</p>
      <ul className="grid grid-cols-2 gap-0.5">
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} aria-current={current(l.href)} className={sheetLink}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
