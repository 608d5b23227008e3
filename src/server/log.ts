import pino from "pino";
import { env } from "@/env";

// Structured JSON logs on stdout; one line per event.
export const log = pino({ level: env.NODE_ENV === "test" ? "silent" : env.LOG_LEVEL, base: { app: "deskhand" } });
