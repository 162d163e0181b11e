// Validation findings in the words the spec's own examples use ("must have at least 1 item"),
// not the validator's ("must NOT have fewer than 1 items").
const plural = (n: string, word: string) => `${n} ${word}${n === '1' ? '' : 's'}`;

const RULES: Array<[RegExp, (...groups: string[]) => string]> = [
  [/^must NOT have more than (\d+) items$/, (n) => `must have at most ${plural(n!, 'item')}`],
  [/^must NOT have fewer than (\d+) items$/, (n) => `must have at least ${plural(n!, 'item')}`],
  [/^must NOT have more than (\d+) characters$/, (n) => `must be at most ${plural(n!, 'character')} long`],
  [/^must NOT have fewer than (\d+) characters$/, (n) => `must be at least ${plural(n!, 'character')} long`],
  [/^must match pattern "(.*)"$/, (pattern) => `does not match the pattern ${pattern}`],
  [/^must be >= (\S+)$/, (n) => `must be at least ${n}`],
  [/^must be <= (\S+)$/, (n) => `must be at most ${n}`],
  [/^must be (array|object|integer)$/, (type) => `must be an ${type}`],
  [/^must be (string|number|boolean)$/, (type) => `must be a ${type}`],
];

export function specWords(message: string): string {
  for (const [pattern, say] of RULES) {
    const match = pattern.exec(message);
    if (match) return say(...match.slice(1));
  }
  return message;
}
