"use client";

import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

/** Ends the session and goes to the sign-in page. */
export function signOutNow() {
  void signOut({ callbackUrl: "/signin" });
}

export function SignOutButton() {
  return (
    <Button variant="secondary" onClick={signOutNow}>
      Sign out
    </Button>
  );
}
