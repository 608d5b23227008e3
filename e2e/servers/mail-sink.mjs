// The end-to-end run's outgoing mail server: accepts every message the app sends (SMTP_URL points
// here) and writes it to <dir>/<n>.eml, where e2e/helpers.ts readMail() finds it.
import fs from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

const port = Number(process.argv[2]);
const dir = process.argv[3];
fs.rmSync(dir, { recursive: true, force: true });
let count = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, _session, callback) {
    const chunks = [];
    stream.on("data", (chunk) => chunks.push(chunk));
    stream.on("end", () => {
      count += 1;
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${String(count).padStart(5, "0")}.eml`);
      // Written whole under another name first: a reader never sees half a message.
      fs.writeFileSync(`${file}.part`, Buffer.concat(chunks));
      fs.renameSync(`${file}.part`, file);
      callback();
    });
  },
});
server.listen(port, "127.0.0.1", () => console.log(`mail sink on ${port}, writing to ${dir}`));
