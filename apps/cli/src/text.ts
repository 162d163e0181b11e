// Text that reaches a terminal: server text with its control characters removed (an ANSI
// escape in an error message must not clear the screen or draw a fake "accepted" line), and
// URLs without their userinfo.

// CSI (ESC [ … final), OSC (ESC ] … BEL or ST), other two-byte escapes, C0/C1 controls and
// the bidirectional overrides that can reorder what a reader sees.
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

export const MAX_PRINTED_SERVER_TEXT = 300;

/** For human output: one line, no control characters, at most `max` characters. */
export function sanitize(text: string, max = MAX_PRINTED_SERVER_TEXT): string {
  const clean = text.replace(/[\r\n\t]+/g, ' ').replace(UNSAFE, '');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
