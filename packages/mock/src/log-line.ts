// What reaches the mock's log comes partly from the request (its path, a fault's code): a
// terminal escape there would repaint or retitle the terminal that tails the log, a newline
// would forge a second line. Each such character is written as its \u escape, so the line
// still shows what was sent and cannot act on the terminal.

// C0 and C1 controls and DEL, the line and paragraph separators, and the bidirectional
// overrides and isolates (which reorder what a terminal shows).
const UNPRINTABLE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/** The line with every control character replaced by its `\uXXXX` escape. */
export const printable = (line: string): string =>
  line.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
