// Server text and URLs as they reach a terminal: one line, capped at a length, without the
// userinfo of a URL a user mistyped.
import { expect, it } from 'vitest';
import { runMain } from './support/harness.js';
import { runFixture } from './support/zenlayer.js';

const { server } = runFixture('printed-text', ['PW-9']);
const accepted = async (requestId: string) => {
  const s = await server({ status: 200, body: { requestId, response: { requestId } } });
  const r = await runMain(['release-disk', 'disk-1', '--endpoint', s.url, '--yes']);
  expect(r.code).toBe(0);
  return /\(requestId (.*)\); it completes/.exec(r.stdout)?.[1];
};

it('a requestId of 300 characters is printed whole; one of 301 is cut to 299 and an ellipsis', async () => {
  expect(await accepted('T'.repeat(300))).toBe('T'.repeat(300));
  expect(await accepted(`${'T'.repeat(300)}X`)).toBe(`${'T'.repeat(299)}…`);
});

it('tabs and line breaks in server text become one space', async () => {
  expect(await accepted('T-1\t\r\n\nT-2')).toBe('T-1 T-2');
});

it('an error message is capped at 2000 characters', async () => {
  const s = await server({ status: 403, body: { requestId: 'T-L', code: 'X', message: 'm'.repeat(3000) } });
  const r = await runMain(['release-disk', 'disk-1', '--endpoint', s.url, '--yes']);
  expect(r.code).toBe(1);
  const line = r.stderr.split('\n')[0]!;
  expect(line).toHaveLength('error: '.length + 2000);
  expect(line.endsWith('m…')).toBe(true);
});

it.each([
  ['HTTP://u:PW-9@example.com', 'HTTP://***@example.com', 'must not contain credentials'],
  // URL parsing skips a leading blank and reads backslashes as slashes: the userinfo is still one.
  [' http://u:PW-9@example.com', ' http://***@example.com', 'must not contain credentials'],
  ['http:\\\\u:PW-9@example.com', 'http:\\\\***@example.com', 'must not contain credentials'],
  // Not http(s) or not a URL at all, yet printed without its password.
  ['u:PW-9@example.com', 'u:***@example.com', 'must be an http(s) URL'],
  ['http://u:PW-9@example.com:99999', 'http://***@example.com:99999', 'must be an http(s) URL'],
  ['http://a:PW-9@x http://b:PW-9@y', 'http://***@x http://***@y', 'must be an http(s) URL'],
  ['ftp://example.com/a@b', 'ftp://example.com/a@b', 'must be an http(s) URL'],
  ['ftp://example.com?a@b', 'ftp://example.com?a@b', 'must be an http(s) URL'],
  ['ftp://example.com#a@b', 'ftp://example.com#a@b', 'must be an http(s) URL'],
])('--endpoint %s is printed as %s', async (endpoint, printed, reason) => {
  const r = await runMain(['release-disk', 'disk-1', '--endpoint', endpoint, '--yes']);
  expect(r.code).toBe(2);
  expect(r.stderr.split('\n')[0]?.startsWith(`error: --endpoint ${reason} (got "${printed}")`)).toBe(true);
});
