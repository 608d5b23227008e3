import type { Access } from "./permissions";

/** Who is acting on a desk. Comes from the session and the membership, never from input. */
export type Actor = {
  tenantId: string;
  userId: string;
  membershipId: string;
  access: Access;
  ip: string | null;
};
