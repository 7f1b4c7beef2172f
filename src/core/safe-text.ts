/**
 * Text that reaches a terminal or a log: secret-free (src/core/redact.ts), on one line, free of control characters
 * (escape sequences could recolour, move the cursor, rewrite earlier lines or forge new ones) and of bounded length.
 * Everything the program prints goes through `safeLine`.
 */
import { redactSecrets } from './redact.js';

/** Longest line printed for one message (a backend's error body, an input problem). */
export const MAX_LINE_CHARS = 2000;

// ANSI / VT escape sequences (CSI, OSC, and two-character escapes), then any other C0 / C1 control or DEL, and
// bidirectional-text overrides, which can make a line read differently from what it holds.
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085]/g;
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Removes escape sequences and control characters other than line breaks and tabs. */
export function stripControls(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROLS, '');
}

/** Line breaks become ` ⏎ ` and tabs spaces, so the text stays on one line. */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKS, ' ⏎ ').replace(/\t/g, ' ');
}

/** Cuts `text` to `max` characters with a marker saying how much was cut. */
export function cut(text: string, max = MAX_LINE_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max)}…[cut ${text.length - max} chars]`;
}

/** What may be printed of `text`: redacted, on one line, without control characters, at most `max` characters. */
export function safeLine(text: string, max = MAX_LINE_CHARS): string {
  // Controls go first: a secret interleaved with escape sequences must be whole when redaction looks for it.
  return cut(oneLine(redactSecrets(stripControls(text))), max);
}
