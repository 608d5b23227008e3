import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildState } from "./build-state.mjs";

function checkout() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "deskhand-build-state-"));
  const write = (file: string, at: number) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), "x");
    const time = new Date(at);
    fs.utimesSync(path.join(root, file), time, time);
    // A folder's own time changes when a file is added: keep it old, so only the files count.
    for (let dir = path.dirname(file); dir !== "."; dir = path.dirname(dir)) fs.utimesSync(path.join(root, dir), new Date(0), new Date(0));
  };
  return { root, write };
}

describe("npm start's build check", () => {
  it("builds when there is no build", () => {
    const { root, write } = checkout();
    write("src/app/page.tsx", 1_000_000);
    expect(buildState(root)).toEqual({ built: false, changed: null });
  });

  it("serves the build when nothing changed since, and builds again after a source, a message or the lock changed", () => {
    const { root, write } = checkout();
    write("src/app/page.tsx", 1_000_000);
    write("messages/en/common.json", 1_000_000);
    write(".next/BUILD_ID", 2_000_000);
    expect(buildState(root)).toEqual({ built: true, changed: null });
    write("messages/en/common.json", 3_000_000);
    expect(buildState(root).changed).toBe("messages");
    write("messages/en/common.json", 1_000_000);
    write("package-lock.json", 3_000_000);
    expect(buildState(root).changed).toBe("package-lock.json");
  });

  it("ignores the widget scripts it builds into public/", () => {
    const { root, write } = checkout();
    write(".next/BUILD_ID", 2_000_000);
    write("public/widget.js", 3_000_000);
    write("public/widget-frame.js", 3_000_000);
    expect(buildState(root).changed).toBeNull();
    write("public/logo.svg", 3_000_000);
    expect(buildState(root).changed).toBe("public");
  });
});
