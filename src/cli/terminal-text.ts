/**
 * What the command line prints holds web text (report values, search hits, draft facts, provider
 * messages). A terminal obeys escape sequences wherever they come from: a page could clear the screen,
 * recolour or hide lines, set the window title, plant a hyperlink (OSC 8) that shows one URL and opens
 * another, or, on some terminals, make the terminal answer with input of its own. So printing removes
 * them, and every other control character but the line break and the tab.
 */

/**
 * CSI (`ESC [` … final byte: colours, cursor moves, clearing), OSC/DCS/SOS/PM/APC strings (`ESC ]` …
 * BEL or ST: window titles, hyperlinks, clipboard writes) up to their end or the line's, other two-byte
 * escapes, and the same in their 8-bit (C1) forms.
 */
const ESCAPE_SEQUENCE =
  // eslint-disable-next-line no-control-regex -- matching escape sequences is the point
  /\u001b(?:\[[0-?]*[ -/]*[@-~]?|[\]PX^_][^\u0007\u001b\u009c\n]*(?:\u0007|\u001b\\|\u009c)?|[ -/]*[0-~]?)|\u009b[0-?]*[ -/]*[@-~]?|[\u0090\u0098\u009d\u009e\u009f][^\u0007\u001b\u009c\n]*(?:\u0007|\u001b\\|\u009c)?/g;
/** Control characters left after the sequences are gone (a stray ESC, CR overwriting a line, BEL, DEL, C1). */
const OTHER_CONTROLS = /(?![\n\t])\p{Cc}/gu;
/** C1 controls that JSON.stringify leaves raw; some terminals read them as the start of a sequence. */
const C1 = /[\u007f-\u009f]/g;

/** Text as it may reach a terminal: escape sequences and control characters removed, line breaks and tabs kept. */
export function terminalText(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(OTHER_CONTROLS, '');
}

/** `--json` output: JSON already escapes C0 controls; the same `\u` escape for DEL and C1 keeps the value and the terminal safe. */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(C1, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
