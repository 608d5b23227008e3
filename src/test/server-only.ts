// Tests run on the server: "server-only" guards client bundles, so here it is a no-op.
export {};
