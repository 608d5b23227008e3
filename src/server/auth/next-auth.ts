import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { textInput } from "@/lib/text-input";
import { getDb } from "../db/client";
import { DeskError } from "../errors";
import { clientIp } from "./request";
import { authSecret } from "./secret";
import { authenticate } from "./service";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
    tokenVersion: number;
  }
}

class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

const credentials = z.object({ email: textInput().max(254), password: textInput().max(200) });

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  trustHost: true,
  // Credentials sign-in needs JWT sessions; each request re-checks the person's token version
  // (server/context.ts), so a password change or lock-out ends every session at once.
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        try {
          const user = await authenticate(await getDb(), parsed.data.email, parsed.data.password, clientIp(request.headers));
          return user ? { id: user.id, name: user.name, email: user.email, tokenVersion: user.tokenVersion } : null;
        } catch (error) {
          if (error instanceof DeskError && error.code === "TOO_MANY_REQUESTS") throw new RateLimited();
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.tv = (user as { tokenVersion?: number }).tokenVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = typeof token.uid === "string" ? token.uid : "";
      session.tokenVersion = typeof token.tv === "number" ? token.tv : -1;
      return session;
    },
  },
});
