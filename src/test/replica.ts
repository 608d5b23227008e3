import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./net";
import postgres from "postgres";

/** The local PostgreSQL 15 binaries (Debian's postgresql-15): what builds a primary and its standby. */
export const PG_BIN = "/usr/lib/postgresql/15/bin";
export const replicaToolsInstalled = fs.existsSync(path.join(PG_BIN, "pg_basebackup")) && fs.existsSync(path.join(PG_BIN, "initdb"));


/** Runs a PostgreSQL binary as the postgres user (initdb and the server refuse to run as root). */
function pg(binary: string, args: string[], cwd: string) {
  const command = path.join(PG_BIN, binary);
  const asRoot = process.getuid?.() === 0;
  execFileSync(asRoot ? "runuser" : command, asRoot ? ["-u", "postgres", "--", command, ...args] : args, { cwd, stdio: "pipe", timeout: 120_000 });
}

export type ReplicaCluster = {
  primaryUrl: string;
  replicaUrl: string;
  /** Waits until the standby has replayed everything the primary wrote so far. */
  caughtUp: () => Promise<void>;
  /** Pauses or resumes the standby's replay: what it shows stops moving while paused. */
  setReplay: (paused: boolean) => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * A real primary and a streaming standby on spare ports under a temporary folder: initdb,
 * pg_basebackup -R (the standby follows the primary over replication), pg_ctl. The database
 * `deskhand` is created on the primary and reaches the standby by replication.
 */
export async function startReplicaCluster(): Promise<ReplicaCluster> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "deskhand-replica-"));
  fs.chmodSync(root, 0o777);
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres:postgres", root]);
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const primary = path.join(root, "primary");
  const standby = path.join(root, "standby");
  pg("initdb", ["-D", primary, "-A", "trust", "-U", "postgres", "--no-sync"], root);
  fs.appendFileSync(
    path.join(primary, "postgresql.conf"),
    `\nport = ${primaryPort}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${root}'\nwal_level = replica\nmax_wal_senders = 4\nfsync = off\nsynchronous_commit = off\n`,
  );
  pg("pg_ctl", ["-D", primary, "-l", path.join(root, "primary.log"), "-w", "start"], root);
  pg("pg_basebackup", ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", "-D", standby, "-R", "-X", "stream", "--no-sync"], root);
  fs.appendFileSync(path.join(standby, "postgresql.auto.conf"), `\nport = ${replicaPort}\n`);
  pg("pg_ctl", ["-D", standby, "-l", path.join(root, "standby.log"), "-w", "start"], root);

  const admin = postgres(`postgres://postgres@127.0.0.1:${primaryPort}/postgres`, { max: 1, onnotice: () => {} });
  await admin.unsafe("create database deskhand");
  const standbyAdmin = postgres(`postgres://postgres@127.0.0.1:${replicaPort}/postgres`, { max: 1, onnotice: () => {} });
  const caughtUp = async () => {
    const [current] = await admin<{ lsn: string }[]>`select pg_current_wal_lsn()::text as lsn`;
    const lsn = current!.lsn;
    for (let i = 0; i < 300; i++) {
      const [replayed] = await standbyAdmin<{ done: boolean }[]>`select coalesce(pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn, false) as done`;
      if (replayed?.done) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error("The standby did not catch up within 15 s");
  };
  await caughtUp();
  return {
    primaryUrl: `postgres://postgres@127.0.0.1:${primaryPort}/deskhand`,
    replicaUrl: `postgres://postgres@127.0.0.1:${replicaPort}/deskhand`,
    caughtUp,
    setReplay: async (paused) => {
      await (paused ? standbyAdmin`select pg_wal_replay_pause()` : standbyAdmin`select pg_wal_replay_resume()`);
    },
    stop: async () => {
      await admin.end({ timeout: 1 });
      await standbyAdmin.end({ timeout: 1 });
      for (const dir of [standby, primary]) {
        try {
          pg("pg_ctl", ["-D", dir, "-m", "immediate", "-w", "stop"], root);
        } catch {
          // already stopped
        }
      }
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
