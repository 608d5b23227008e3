import NextAuth, { type DefaultSession, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "@/env";
import { textInput } from "@/lib/text-input";
import { getDb } from "../db/client";
import { signInWithProvider } from "./provider";
import { clientIp } from "./request";
import { authSecret } from "../kernel/secret";
import { signInWithTicket } from "./service";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
    tokenVersion: number;
    sessionId: string | null;
  }
}

/** Where a request comes from, for the person's sessions list. */
const clientOf = (headers: Headers | undefined) => ({ ip: headers ? clientIp(headers) : null, userAgent: headers?.get("user-agent") ?? null });

const ticketInput = z.object({ ticket: textInput().max(100) });

/** The company sign-in (OpenID Connect) when the platform configures one. */
export const oidcConfigured = () => Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);

function providers(): NextAuthConfig["providers"] {
  return [
    // Every sign-in in Deskhand ends here: a single-use ticket proving the earlier steps (password
    // and second factor, a reset, a confirmation link) becomes a session. No password is read here.
    Credentials({
      id: "ticket",
      credentials: { ticket: {} },
      async authorize(raw, request) {
        const parsed = ticketInput.safeParse(raw);
        if (!parsed.success) return null;
        const user = await signInWithTicket(await getDb(), parsed.data.ticket, clientOf(request.headers));
        return user && { id: user.id, name: user.name, email: user.email, tokenVersion: user.tokenVersion, sessionId: user.sessionId };
      },
    }),
    ...(oidcConfigured()
      ? [
          {
            id: "oidc",
            name: env.OIDC_NAME,
            type: "oidc" as const,
            issuer: env.OIDC_ISSUER,
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET,
            authorization: { params: { scope: "openid email profile" } },
            checks: ["pkce" as const, "state" as const, "nonce" as const],
          },
        ]
      : []),
  ];
}

type WithSession = { id?: string; tokenVersion?: number; sessionId?: string };

export const { handlers, auth, signIn, signOut } = NextAuth((request) => ({
  secret: authSecret(),
  trustHost: true,
  // JWT cookies, each naming a row of user_sessions: a request is trusted only while that row
  // stands and the person's token version holds (auth/sessions.ts), so sessions can be listed and
  // ended, and a reset or password change ends them all at once.
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/signin", error: "/signin" },
  providers: providers(),
  callbacks: {
    async signIn({ user, account, profile }) {
      if (account?.provider !== "oidc") return true;
      const outcome = await signInWithProvider(await getDb(), { email: profile?.email, emailVerified: profile?.email_verified, name: profile?.name }, clientOf(request?.headers));
      if (outcome.step === "refused") return "/signin?error=provider";
      if (outcome.step === "code") return `/signin?step=code&ticket=${outcome.ticket}`;
      Object.assign(user as WithSession, { id: outcome.user.id, tokenVersion: outcome.user.tokenVersion, sessionId: outcome.user.sessionId });
      return true;
    },
    jwt({ token, user }) {
      if (user) {
        const signedIn = user as WithSession;
        token.uid = signedIn.id;
        token.tv = signedIn.tokenVersion ?? 0;
        token.sid = signedIn.sessionId ?? null;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = typeof token.uid === "string" ? token.uid : "";
      session.tokenVersion = typeof token.tv === "number" ? token.tv : -1;
      session.sessionId = typeof token.sid === "string" ? token.sid : null;
      return session;
    },
  },
}));
