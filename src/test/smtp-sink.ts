import { SMTPServer } from "smtp-server";

export type SmtpSink = {
  port: number;
  /** Every message accepted, raw, in arrival order. */
  received: Buffer[];
  /** While set, recipients get this temporary refusal (451), as a busy or failing server answers. */
  refusal: string | null;
  close: () => Promise<void>;
};

/** A real SMTP server on loopback that keeps what it accepts: where tests deliver mail to. */
export async function startSmtpSink(options: { refusal?: string | null } = {}): Promise<SmtpSink> {
  const sink: SmtpSink = { port: 0, received: [], refusal: options.refusal ?? null, close: async () => {} };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (sink.refusal) return callback(Object.assign(new Error(sink.refusal), { responseCode: 451 }));
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        sink.received.push(Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  sink.port = (server.server.address() as { port: number }).port;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}
