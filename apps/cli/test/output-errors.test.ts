// The exit code and the one line a user sees when the CLI's own output fails, in-process with
// streams whose errors the test raises (the spawned CLI on /dev/full: closed-stdout.test.ts).
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { watchOutput } from '../src/output-errors.js';

const errno = (code: string) => Object.assign(new Error(`${code}: write failed`), { code });

function streams() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let said = '';
  stderr.on('data', (chunk) => {
    said += chunk;
  });
  const codes: number[] = [];
  const watch = watchOutput(stdout, stderr, (code) => codes.push(code));
  return { stdout, stderr, watch, codes, said: () => said };
}

describe('watchOutput', () => {
  it.each(['EPIPE', 'ERR_STREAM_DESTROYED'])(
    'a reader gone (%s) is no failure: nothing said, the run keeps its code',
    (code) => {
      const s = streams();
      s.stdout.emit('error', errno(code));
      s.stderr.emit('error', errno(code));
      expect(s.said()).toBe('');
      expect(s.codes).toEqual([]);
      expect(s.watch.exitCode(0)).toBe(0);
      expect(s.watch.exitCode(130)).toBe(130);
    },
  );

  it('a stdout that fails is said once on stderr, and any run code becomes 74', () => {
    const s = streams();
    s.stdout.emit('error', errno('ENOSPC'));
    s.stdout.emit('error', errno('EIO'));
    expect(s.said()).toBe(
      'cloud-release: stdout could not be written (ENOSPC): the output is incomplete, and a release may have been ' +
        'sent all the same (a run with --journal keeps its record there).\n',
    );
    expect(s.codes).toEqual([74, 74]);
    expect(s.watch.exitCode(0)).toBe(74);
    expect(s.watch.exitCode(1)).toBe(74);
  });

  it('an error without a code is named by its message', () => {
    const s = streams();
    s.stdout.emit('error', new Error('broken'));
    expect(s.said()).toContain('stdout could not be written (broken)');
  });

  it('a stderr that fails is not written to again: the code alone says it', () => {
    const s = streams();
    s.stderr.emit('error', errno('ENOSPC'));
    expect(s.said()).toBe('');
    expect(s.watch.exitCode(0)).toBe(74);
    // stdout failing afterwards is still said (stderr may take it again).
    s.stdout.emit('error', errno('ENOSPC'));
    expect(s.said()).toContain('stdout could not be written (ENOSPC)');
  });
});
