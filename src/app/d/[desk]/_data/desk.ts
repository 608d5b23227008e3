import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { serverApi } from "@/trpc/server";

/**
 * The desk of a panel page, for server components: a stranger or an unknown desk gets the 404
 * page, a signed-out visitor the sign-in page (coming back here afterwards), and a member without
 * two-factor sign-in on a desk that requires it the page where they turn it on.
 */
export const loadDesk = cache(async (slug: string, path: string) => {
  const api = await serverApi();
  try {
    const [{ desk, role, membershipId, grants }, desks, me] = await Promise.all([api.desk.get({ desk: slug }), api.desk.mine(), api.account.me()]);
    return { desk, role, membershipId, grants, desks, me, api };
  } catch (error) {
    if (error instanceof TRPCError && error.code === "FORBIDDEN" && error.message === "twoFactor.requiredByDesk") redirect(`/account/security?required=${encodeURIComponent(slug)}`);
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
});
