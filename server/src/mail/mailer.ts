// Outgoing mail. One SMTP server for the installation (SMTP_URL, nodemailer); without one there
// is no mailer, and the features that would mail (invitations) hand their link to the person
// who asked instead. Messages are plain text: what they carry is a link and a sentence or two.
import nodemailer from 'nodemailer';

interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** Refused by the SMTP server or unreachable: the message was not sent (never carries the message or the URL's credentials). */
export class MailNotSentError extends Error {
  override name = 'MailNotSentError';
}

export interface MailSettings {
  smtpUrl: string | undefined;
  from: string;
}

/** A mailer for SMTP_URL, or null when none is configured. */
export function createMailer({ smtpUrl, from }: MailSettings): Mailer | null {
  if (!smtpUrl) return null;
  const transport = nodemailer.createTransport(
    {
      url: smtpUrl,
      // A request waits for the message: a server that does not answer must not hold it for minutes.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    },
    { from },
  );
  return {
    async send(message) {
      try {
        await transport.sendMail(message);
      } catch (error) {
        // nodemailer's errors can quote the server's answer and the envelope; keep the code only.
        const code =
          (error as { code?: string; responseCode?: number }).responseCode ?? (error as { code?: string }).code;
        throw new MailNotSentError(`The mail server did not take the message${code ? ` (${code})` : ''}.`);
      }
    },
    close: () => transport.close(),
  };
}
