import { TRPCError } from "@trpc/server";
import { expect } from "vitest";

/** The tRPC error a call was refused with (fails the test if the call succeeded). */
export async function refusal(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}
