/** The draft as the analyst pastes it into a mail client: subject line, blank line, body. */
export function draftAsText(draft: { subject: string; body: string }): string {
  return `Subject: ${draft.subject}\n\n${draft.body}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The same as HTML: paragraphs at blank lines, line breaks kept, everything escaped. */
export function draftAsHtml(draft: { subject: string; body: string }): string {
  const paragraphs = draft.body
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
  return `<p><strong>Subject:</strong> ${escapeHtml(draft.subject)}</p>${paragraphs}`;
}

/** Puts both flavours on the clipboard so rich editors get paragraphs and plain ones get text. */
export async function copyDraft(draft: { subject: string; body: string }): Promise<void> {
  const text = draftAsText(draft);
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard.write) {
    await navigator.clipboard.writeText(text);
    return;
  }
  await navigator.clipboard.write([
    new ClipboardItem({
      'text/plain': new Blob([text], { type: 'text/plain' }),
      'text/html': new Blob([draftAsHtml(draft)], { type: 'text/html' }),
    }),
  ]);
}
