import MailComposer from 'nodemailer/lib/mail-composer';
import type { SenderProfile } from '../../settings/schema';
import type { Draft } from '../draft-schema';

/**
 * One draft as an RFC 5322 message (`.eml`), which every mail client opens as a ready-to-send email:
 * encoded-word subject and names, CRLF line ends, quoted-printable UTF-8 text, a Message-ID and a Date.
 * The message is marked as a draft (`X-Unsent: 1`) so Outlook opens it for editing instead of as received.
 */
export async function draftToEml(draft: Draft, sender: SenderProfile, date: Date = new Date()): Promise<Buffer> {
  const composer = new MailComposer({
    from: sender.email ? { name: sender.name, address: sender.email } : undefined,
    to: draft.to ? { name: draft.toName, address: draft.to } : undefined,
    subject: draft.subject,
    // RFC 5322 lines end in CRLF; the composer keeps the text's own line ends.
    text: draft.body.replace(/\r?\n/g, '\r\n'),
    date,
    textEncoding: 'quoted-printable',
    headers: { 'X-Unsent': '1', 'X-CRM-Intel-Draft-Id': String(draft.id) },
  });
  return composer.compile().build();
}

/** A file name for a draft's `.eml`: its id and the recipient, safe on every file system. */
export function emlFileName(draft: Draft): string {
  const who = (draft.toName || draft.to || 'lead')
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `draft-${draft.id}-${who || 'lead'}.eml`;
}
