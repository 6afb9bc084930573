import "next-auth";
import "next-auth/jwt";

declare module "next-auth/jwt" {
  interface JWT {
    /** User id. */
    uid?: number;
    /** The user's session version when the token was issued. */
    sv?: number;
  }
}

declare module "next-auth" {
  interface Session {
    uid?: number;
    sv?: number;
  }
}
