import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort } from "./net";
import { ImapFlow } from "imapflow";

/** Debian's dovecot-imapd (installed by .ci/run when missing): a real IMAP server for the mailbox tests. */
export const DOVECOT = "/usr/sbin/dovecot";
export const dovecotInstalled = fs.existsSync(DOVECOT);


async function waitForPort(port: number, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.destroy();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`Dovecot did not start on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export type ImapTestServer = {
  port: number;
  /** Puts a raw message in a user's folder, as a mail server delivering it would. */
  deliver(user: string, raw: string | Buffer, folder?: string): Promise<void>;
  /** Marks every message in the folder read, as a person at a mail client would. */
  markAllSeen(user: string, folder?: string): Promise<void>;
  /** The flags of every message in the folder, by UID. */
  flags(user: string, folder?: string): Promise<Map<number, Set<string>>>;
  stop(): Promise<void>;
};

/**
 * Starts a private Dovecot on a free loopback port with its own configuration, users (password
 * "secret" for each) and Maildirs in a temporary directory; plain-text login without TLS.
 */
export async function startImapServer(users: string[]): Promise<ImapTestServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dv-"));
  // Dovecot's login and auth processes run as its own users and must read the configuration.
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const root = process.getuid?.() === 0;
  // Dovecot refuses to deliver mail as root: as root the mail belongs to "nobody".
  const uid = root ? 65534 : process.getuid!();
  const gid = root ? 65534 : process.getgid!();
  for (const sub of ["run", "state", "mail"]) fs.mkdirSync(path.join(dir, sub));
  if (root) fs.chownSync(path.join(dir, "mail"), uid, gid);
  fs.writeFileSync(path.join(dir, "users"), users.map((u) => `${u}:{PLAIN}secret`).join("\n") + "\n");
  const self = os.userInfo().username;
  fs.writeFileSync(
    path.join(dir, "dovecot.conf"),
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%u
first_valid_uid = 0
${root ? "" : `default_login_user = ${self}\ndefault_internal_user = ${self}\n`}passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${dir}/mail/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
`,
  );
  const child: ChildProcess = spawn(DOVECOT, ["-F", "-c", path.join(dir, "dovecot.conf")], { stdio: "ignore" });
  await waitForPort(port, 10_000);

  const as = async <T>(user: string, fn: (client: ImapFlow) => Promise<T>): Promise<T> => {
    const client = new ImapFlow({ host: "127.0.0.1", port, secure: false, auth: { user, pass: "secret" }, logger: false });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.logout();
    }
  };
  return {
    port,
    deliver: (user, raw, folder = "INBOX") =>
      as(user, async (client) => {
        if (folder !== "INBOX") await client.mailboxCreate(folder).catch(() => undefined);
        await client.append(folder, raw);
      }),
    markAllSeen: (user, folder = "INBOX") =>
      as(user, async (client) => {
        const lock = await client.getMailboxLock(folder);
        try {
          await client.messageFlagsAdd("1:*", ["\\Seen"]);
        } finally {
          lock.release();
        }
      }),
    flags: (user, folder = "INBOX") =>
      as(user, async (client) => {
        const lock = await client.getMailboxLock(folder);
        try {
          const result = new Map<number, Set<string>>();
          for await (const message of client.fetch("1:*", { uid: true, flags: true })) result.set(message.uid, message.flags ?? new Set());
          return result;
        } finally {
          lock.release();
        }
      }),
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
