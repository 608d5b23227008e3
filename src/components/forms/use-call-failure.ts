"use client";

import { useState } from "react";
import { callError, useErrorText, type ErrorMessage } from "./errors";

/**
 * What went wrong with the last call a button started (not a form: nothing to put on fields).
 * `run` clears the failure, runs the call and keeps its failure; it answers whether it went
 * through. `message` is the failure in the reader's words.
 */
export function useCallFailure(messageOf: (error: unknown) => ErrorMessage = callError) {
  const errorText = useErrorText();
  const [failure, setFailure] = useState<ErrorMessage>(null);
  return {
    message: errorText(failure),
    /** Sets (or with null clears) the failure, e.g. a check made before calling. */
    set: setFailure,
    run: async (call: () => Promise<unknown>): Promise<boolean> => {
      setFailure(null);
      try {
        await call();
        return true;
      } catch (error) {
        setFailure(messageOf(error));
        return false;
      }
    },
  };
}
