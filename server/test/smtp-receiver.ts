// A real SMTP server for the tests (the `smtp-server` package) on 127.0.0.1: it asks for the
// user and password in the URL it hands out, keeps every message it accepts (parsed with
// mailparser), and refuses recipients while `refuse` is set. `next()` resolves on the next message.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

export interface SmtpReceiver {
  /** smtp://user:pass@127.0.0.1:port, for SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  /** Refuse every recipient (550) while true. */
  refuse: boolean;
  /** The next message to arrive (or the first not yet taken). */
  next(): Promise<ReceivedMail>;
  close(): Promise<void>;
}

const USER = 'tessera';
const PASSWORD = 'smtp-test-password';

export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const received: ReceivedMail[] = [];
  let taken = 0;
  /** next() calls still waiting, oldest first: each takes a message when one is there. */
  const waiting: (() => boolean)[] = [];
  const receiver = { refuse: false } as SmtpReceiver;
  const server = new SMTPServer({
    // Plain SMTP on loopback: no STARTTLS (its built-in certificate is for demos), so AUTH without TLS.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASSWORD) callback(null, { user: USER });
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(_address, _session, callback) {
      if (receiver.refuse) {
        const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
        callback(error);
      } else callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address ?? ''));
          received.push({
            from: mail.from?.value[0]?.address ?? '',
            to,
            subject: mail.subject ?? '',
            text: mail.text ?? '',
          });
          while (waiting.length > 0 && waiting[0]!()) waiting.shift();
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `smtp://${USER}:${PASSWORD}@127.0.0.1:${port}`,
    received,
    next() {
      return new Promise<ReceivedMail>((resolve) => {
        const take = () => {
          if (taken >= received.length) return false;
          resolve(received[taken++]!);
          return true;
        };
        if (!take()) waiting.push(take);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** The invitation link in a mail's text. */
export function linkIn(mail: ReceivedMail): string {
  const match = /https?:\/\/\S+\/invite\/tsr_inv_[A-Za-z0-9_-]{43}/.exec(mail.text);
  if (!match) throw new Error(`no invitation link in: ${mail.text}`);
  return match[0];
}

export const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);
