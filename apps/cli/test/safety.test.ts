// What protects a user: --dry-run, the confirmation prompt (driven in-process as keys on a
// fake terminal), sanitized server text, and no secret in any output.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { outputs, type Recorder, recorder, runMain, SECRETS, waitFor } from './support/harness.js';

const servers: Recorder[] = [];
const server = async (...args: Parameters<typeof recorder>) => {
  const s = await recorder(...args);
  servers.push(s);
  return s;
};
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => {
  for (const output of outputs)
    for (const secret of [SECRETS.ZENLAYER_ACCESS_KEY_PASSWORD, SECRETS.OS_TOKEN, 'BEARER-SECRET', 'hunter2'])
      expect(output).not.toContain(secret);
});
const ACCEPTED = { status: 200, body: { requestId: 'T-OK', response: { failedInstanceIds: [] } } };

describe('--dry-run', () => {
  it('prints the signed request, masked, and sends nothing', async () => {
    const s = await server({ status: 200 });
    const r = await runMain(['release-instances', 'vm-1', '--endpoint', s.url, '--dry-run']);
    expect(r.code).toBe(0);
    expect(s.requests).toEqual([]);
    expect(r.stdout).toContain('DRY RUN: nothing was sent');
    expect(r.stdout).toContain(`POST ${s.url}/api/v2/vm`);
    expect(r.stdout).toContain(
      'authorization: ZC2-HMAC-SHA256 Credential=AK-CLI-TEST, SignedHeaders=content-type;host, Signature=***',
    );
    expect(r.stdout).toContain('{"instanceIds":["vm-1"]}');
  });

  it('needs no real credentials: it shows a masked placeholder', async () => {
    const s = await server({ status: 200 });
    const r = await runMain(['release-disk', 'disk-1', '--endpoint', s.url, '--dry-run', '--json'], { env: {} });
    expect(r.code).toBe(0);
    expect(s.requests).toEqual([]);
    const { requests, endpoint } = JSON.parse(r.stdout);
    expect(endpoint).toBe(s.url);
    expect(requests[0].headers.authorization).toMatch(
      /^ZC2-HMAC-SHA256 Credential=\$ZENLAYER_ACCESS_KEY_ID, .*Signature=\*\*\*$/,
    );
  });

  it('ZENLAYER_BEARER_TOKEN is used, and masked', async () => {
    const s = await server({ status: 200 });
    const r = await runMain(['release-disk', 'disk-1', '--endpoint', s.url, '--dry-run'], {
      env: { ZENLAYER_BEARER_TOKEN: 'BEARER-SECRET' },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('authorization: Bearer ***');
  });
});

describe('confirmation', () => {
  it('refuses without --yes when stdin is not a terminal (exit 2, nothing sent)', async () => {
    const s = await server(ACCEPTED);
    const r = await runMain(['destroy-port', 'port-1', '--endpoint', s.url]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'refusing to destroy port port-1 without confirmation: stdin is not a terminal, so pass --yes',
    );
    expect(s.requests).toEqual([]);
  });

  const answering = (keys: string) => async (stdin: NodeJS.WritableStream, stderr: () => string) => {
    await waitFor(stderr, 'Type "yes"');
    stdin.write(keys);
  };

  it('on a terminal, names what will be destroyed and proceeds on "yes"', async () => {
    const s = await server(ACCEPTED);
    const r = await runMain(['release-disk', 'disk-7', '--endpoint', s.url], { tty: true, drive: answering('yes\r') });
    expect(r.stderr).toContain(`This will release disk disk-7 at ${s.url}. It cannot be undone.`);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Release of disk disk-7 accepted (requestId T-OK)');
    expect(s.requests).toHaveLength(1);
  });

  it.each([
    ['anything but "yes"', 'y\r', 'not confirmed; nothing was sent'],
    ['Ctrl-C', '\x03', 'not confirmed (interrupted at the prompt); nothing was sent'],
    ['Ctrl-D', '\x04', 'not confirmed (interrupted at the prompt); nothing was sent'],
  ])('on a terminal, %s sends nothing: one line, exit 2', async (_, keys, line) => {
    const s = await server(ACCEPTED);
    const r = await runMain(['release-instances', 'vm-1', 'vm-2', '--endpoint', s.url], {
      tty: true,
      drive: answering(keys),
    });
    expect(r.stderr).toContain('This will release 2 instances (vm-1, vm-2)');
    expect(r.code).toBe(2);
    const after = r.stderr.slice(r.stderr.indexOf('Type "yes"'));
    expect(
      after
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('error:')),
    ).toEqual([`error: ${line}`]);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(s.requests).toEqual([]);
  });
});

describe('what is printed', () => {
  it('server text with ANSI escapes is printed stripped (human) and JSON-escaped (--json)', async () => {
    const message = '\x1b[2J\x1b[HRelease accepted\x1b]0;owned\x07\r\nfake line\u202e';
    const s = await server({ status: 403, body: { requestId: 'T-EVIL', code: 'EVIL\x1b[31m', message } });
    const human = await runMain(['release-disk', 'disk-1', '--endpoint', s.url, '--yes']);
    expect(human.code).toBe(1);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence
    expect(human.stderr).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]/);
    expect(human.stderr).toContain('Release accepted fake line');
    expect(human.stderr).toContain('  code: EVIL');
    const json = await runMain(['release-disk', 'disk-1', '--endpoint', s.url, '--yes', '--json']);
    expect(JSON.parse(json.stdout).error.apiMessage).toBe(message);
    expect(json.stdout).not.toContain('\x1b');
  });

  it('a requestId with ANSI escapes in an accepted answer is printed stripped', async () => {
    const requestId = 'T-1\x1b[2K\rRelease of disk disk-2 accepted';
    const s = await server({ status: 200, body: { requestId, response: { requestId } } });
    const r = await runMain(['release-disk', 'disk-1', '--endpoint', s.url, '--yes']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'Release of disk disk-1 accepted (requestId T-1 Release of disk disk-2 accepted); it completes asynchronously.\n',
    );
  });

  it('a long server message is capped in human output', async () => {
    const s = await server({ status: 403, body: { requestId: 'T-LONG', code: 'X', message: 'a'.repeat(10_000) } });
    const r = await runMain(['release-disk', 'disk-1', '--endpoint', s.url, '--yes']);
    expect(r.code).toBe(1);
    expect(Math.max(...r.stderr.split('\n').map((l) => l.length))).toBeLessThanOrEqual(2010);
  });

  it.each([['http://user:hunter2@127.0.0.1:9/'], ['https://:hunter2@example.com'], ['ftp://user:hunter2@example.com']])(
    '--endpoint %s is refused before anything starts, without printing the password',
    async (endpoint) => {
      for (const json of [[], ['--json']]) {
        const r = await runMain(['release-disk', 'disk-1', '--endpoint', endpoint, '--yes', ...json]);
        expect(r.code).toBe(2);
        expect(r.stderr + r.stdout).toContain('***@');
        expect(r.stderr + r.stdout).not.toContain('hunter2');
      }
    },
  );
});
