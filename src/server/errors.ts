/** Application errors with stable codes; one formatter (server/trpc.ts) turns them into tRPC errors. */
export type DeskErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "UNAUTHORIZED"
  | "CONFLICT"
  | "BAD_REQUEST"
  | "TOO_MANY_REQUESTS"
  | "LIMIT_REACHED";

export class DeskError extends Error {
  readonly code: DeskErrorCode;
  /** Key under the "errors" messages namespace. */
  readonly messageKey: string;
  /** Field name → message key, for forms. */
  readonly fields: Record<string, string> | undefined;
  /** Values the translated message needs ("{seats} staff on {plan}"). */
  readonly params: Record<string, string | number> | undefined;

  constructor(
    code: DeskErrorCode,
    messageKey: string,
    options: { fields?: Record<string, string>; params?: Record<string, string | number>; cause?: unknown } = {},
  ) {
    super(messageKey, { cause: options.cause });
    this.name = "DeskError";
    this.code = code;
    this.messageKey = messageKey;
    this.fields = options.fields;
    this.params = options.params;
  }
}

/** The Postgres unique-violation behind an error (drizzle wraps driver errors in `cause`). */
export function uniqueViolation(error: unknown): { constraint: string } | null {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const candidate = e as { code?: unknown; constraint?: unknown; constraint_name?: unknown };
    if (candidate.code === "23505") {
      const constraint = candidate.constraint_name ?? candidate.constraint;
      return { constraint: typeof constraint === "string" ? constraint : "" };
    }
  }
  return null;
}
