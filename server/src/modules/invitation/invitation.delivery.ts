// How an invitation's link reaches the person: by mail when SMTP_URL is set; otherwise it is
// handed to the administrator who invited (only then), who passes it on.
import type { Mailer } from '../../mail/mailer.ts';

export interface InvitationDelivery {
  /** null: no mail server configured. */
  mailer: Mailer | null;
  /** The web app's public origin (PUBLIC_URL, else the server's own URL, known once it listens). */
  publicUrl(): string;
}

export function acceptUrl(delivery: InvitationDelivery, token: string): string {
  return `${delivery.publicUrl()}/invite/${token}`;
}

export interface InvitationMail {
  to: string;
  companyName: string;
  roleNames: string[];
  inviterEmail: string | null;
  url: string;
  expiresAt: Date;
}

/** Sends the link; false when there is no mail server (the caller then returns the link). Throws MailNotSentError. */
export async function deliverInvitation(delivery: InvitationDelivery, mail: InvitationMail): Promise<boolean> {
  if (!delivery.mailer) return false;
  await delivery.mailer.send({
    to: mail.to,
    subject: `You are invited to ${mail.companyName} on Tessera`,
    text: [
      `${mail.inviterEmail ?? 'An administrator'} invites you to join ${mail.companyName} on Tessera as ${mail.roleNames.join(', ')}.`,
      '',
      'Open this link to accept or decline:',
      mail.url,
      '',
      `The link works once and until ${mail.expiresAt.toUTCString()}.`,
      'If you did not expect this invitation, ignore this message: nothing happens unless you accept.',
    ].join('\n'),
  });
  return true;
}
