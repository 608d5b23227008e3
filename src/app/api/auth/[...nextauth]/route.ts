import type { NextRequest } from "next/server";
import { handlers } from "@/server/auth/next-auth";
import { route } from "@/server/http/route";

// Sign-in forms and session reads: small bodies only.
const limits = { name: "auth", maxBodyBytes: 64 * 1024 };
export const GET = route(limits, (request) => handlers.GET(request as NextRequest));
export const POST = route(limits, (request) => handlers.POST(request as NextRequest));
