"use server";

import { signOut } from "@/server/auth/next-auth";

export async function signOutAction() {
  await signOut({ redirectTo: "/signin" });
}
