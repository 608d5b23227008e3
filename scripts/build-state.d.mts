/** See build-state.mjs. */
export function buildState(root: string): { built: boolean; changed: string | null };
