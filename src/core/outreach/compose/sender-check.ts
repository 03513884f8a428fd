import type { SenderProfile } from '../../settings/schema';
import { UserFacingError } from '../../errors';

/**
 * Stops a drafting run before it writes anything when the sender profile is empty: every draft would be
 * signed by no one and offer nothing. The code lets the app open the sender settings; the message says
 * where they are in the app and on the command line.
 */
export function requireSenderProfile(sender: SenderProfile): void {
  const written = [sender.name, sender.company, sender.valueProposition, sender.signature].some((field) =>
    field.trim(),
  );
  if (written) return;
  throw new UserFacingError(
    'sender_profile_empty',
    'The sender profile is empty, so drafts would be signed by no one and offer nothing. Fill in your name, company and value proposition in Settings → Sender profile (or crm-intel settings set sender.name "..." and sender.valueProposition "..."), then draft again.',
  );
}
