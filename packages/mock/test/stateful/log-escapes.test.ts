// The mock's log line is written to a terminal: what a request brings into it (a fault's code,
// the path) has its control characters escaped, so it can neither act on the terminal (clear
// it, retitle it, hide text) nor forge a line.
import { expect, it } from 'vitest';
import { control, stateful, zenlayer } from './support.js';

// Set the terminal's title, clear the screen, a new line with a forged entry, a bidi override.
const HOSTILE = '\u001b]0;pwned\u0007\u001b[2J\r\nzenlayer POST / -> 200 accepted\u202e';

it('a fault code with terminal escapes reaches the log escaped, one line, the escapes visible', async () => {
  const lines: string[] = [];
  const mock = await stateful({ api: 'zenlayer', log: (line) => lines.push(line) });
  expect((await control(mock, 'POST', 'faults', { status: 500, code: HOSTILE })).status).toBe(201);
  const answer = await zenlayer(mock, 'DescribeDisks', {});
  expect(answer.body.code).toBe(HOSTILE);
  const line = lines.at(-1)!;
  expect(line).toContain(
    'DescribeDisks -> 500 \\u001b]0;pwned\\u0007\\u001b[2J\\u000d\\u000azenlayer POST / -> 200 accepted\\u202e ',
  );
  expect(line).not.toMatch(/[\p{Cc}\u202e]/u);
});
