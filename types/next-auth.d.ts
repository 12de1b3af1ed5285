import "next-auth";
import "next-auth/jwt";

// The session carries only the staff id and the session version it was issued with;
// role and status are read from the database on every request (lib/server/current-staff.ts).
declare module "next-auth" {
  interface Session {
    staffId: string;
    sessionVersion: number;
    /** Seconds since the epoch when the password and code were accepted (absolute lifetime). */
    signedInAt: number;
  }
  interface User {
    id: string;
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    staffId?: string;
    sessionVersion?: number;
    signedInAt?: number;
  }
}
