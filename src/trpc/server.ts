import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { createRequestContext } from "@/server/context";
import { createCaller } from "@/server/root";

/** The tRPC router called directly from server components, with the request's session. */
export const serverApi = cache(async () => createCaller(await createRequestContext(await headers())));
