// Ctrl-C during release-instances, in-process (signals emitted to main's injected source): what
// the first and the second signal print, journal and send, with and without a journal.
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchInterrupts } from '../src/interrupt.js';
import type { SignalSource } from '../src/io.js';
import { runMain } from './support/harness.js';
import { failedAccount } from './support/release-runs.js';
import {
  type InstancesServer,
  instancesServer,
  journalLines,
  many,
  runFixture,
  until,
  writeJournal,
} from './support/zenlayer.js';

const { dir, servers } = runFixture('interrupt-in-process');

/** Runs `args` on a server that holds its answers; once `received` requests arrived, `act`. */
async function interrupted(
  s: InstancesServer,
  args: string[],
  received: number,
  act: (signals: EventEmitter, stderr: () => string) => Promise<void> | void,
) {
  const signals = new EventEmitter();
  return runMain(args, {
    signals,
    drive: async (_stdin, stderr) => {
      await until(() => s.requests.length === received);
      await act(signals, stderr);
    },
  });
}

it('a second signal aborts the batches in flight: exit 130, each recorded as unknown, the journal says which signal did what', async () => {
  const s = await instancesServer(servers, { hold: true });
  const path = join(dir, 'abort.jsonl');
  const ids = many(150, 'x');
  const args = ['release-instances', ...ids, '--endpoint', s.url, '--yes', '--journal', path];
  const r = await interrupted(s, args, 2, (signals) => {
    signals.emit('SIGINT');
    signals.emit('SIGTERM');
  });
  expect(r.code).toBe(130);
  expect(r.stdout).toBe('');
  const stderr = r.stderr.split('\n');
  expect(stderr).toContain(
    'SIGINT: no new batches; waiting up to 30 s for the batches in flight (again to abort them).',
  );
  expect(stderr).toContain(
    'Aborting the batches in flight (second signal (SIGTERM)); they will be recorded as unknown.',
  );
  expect(stderr).toContain(
    'Interrupted: 0 of 150 instances accepted, 0 refused, 150 with an unknown outcome, 0 not sent.',
  );
  expect(stderr).toContain(
    '  Unknown means the server may have released them; --resume reads them first and sends again only those still there.',
  );
  expect(stderr).toContain(`Resume with: cloud-release release-instances --resume ${path} --endpoint ${s.url}`);
  const lines = journalLines(path);
  expect(lines.filter((l) => l.event === 'interrupted')).toEqual([
    { time: expect.any(String), event: 'interrupted', command: 'release-instances', signal: 'SIGINT', abort: false },
    {
      time: expect.any(String),
      event: 'interrupted',
      command: 'release-instances',
      signal: 'second signal (SIGTERM)',
      abort: true,
    },
  ]);
  const unknown = lines.filter((l) => l.event === 'outcome');
  expect(unknown.map((l) => [l.batch, l.outcome])).toEqual([
    [0, 'unknown'],
    [1, 'unknown'],
  ]);
  expect(lines.at(-1)).toMatchObject({
    event: 'summary',
    accepted: 0,
    refused: 0,
    unknown: 150,
    notSent: 0,
    interrupted: true,
  });
});

it('without a journal, a signal still ends the run with its account (exit 130, no resume command)', async () => {
  const s = await instancesServer(servers, { hold: true });
  const ids = many(3, 'n');
  const r = await interrupted(
    s,
    ['release-instances', ...ids, '--endpoint', s.url, '--yes', '--json'],
    1,
    (signals) => {
      signals.emit('SIGINT');
      s.answerHeld();
    },
  );
  expect(r.code).toBe(130);
  expect(JSON.parse(r.stdout)).toEqual(failedAccount({ endpoint: s.url, interrupted: true, total: 3, accepted: 3 }));
  expect(r.stderr).toContain('SIGINT: no new batches');
  expect(r.stderr).not.toContain('Journal:');
});

it('a signal during the unknown ids of a resumed run: the rest of the journal is not sent', async () => {
  const s = await instancesServer(servers, { hold: true });
  const path = join(dir, 'resume-stop.jsonl');
  writeJournal(path, { endpoint: s.url, ids: ['r-1', 'r-2'] }, { event: 'sending', batch: 0, ids: ['r-1'] });
  const args = ['release-instances', '--resume', path, '--endpoint', s.url, '--yes'];
  // The read of r-1 (it is still there: sent again), then its release, held.
  const r = await interrupted(s, args, 2, (signals) => {
    signals.emit('SIGINT');
    s.answerHeld();
  });
  expect(r.code).toBe(130);
  expect(s.reads()).toEqual([['r-1']]);
  expect(s.batches()).toEqual([['r-1']]);
  expect(r.stderr).toContain(
    'Interrupted: 1 of 2 instances accepted, 0 refused, 0 with an unknown outcome, 1 not sent.',
  );
});

describe('the drain bound', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const watch = (drainMs: number) => {
    const source = new EventEmitter();
    const calls: string[] = [];
    const interruption = watchInterrupts(
      source as SignalSource,
      {
        onStop: (signal, ms) => calls.push(`stop ${signal} ${ms}`),
        onAbort: (reason) => calls.push(`abort ${reason}`),
      },
      drainMs,
    );
    return { source, calls, interruption };
  };

  it('batches still in flight when it passes are aborted, naming it', () => {
    vi.useFakeTimers();
    const { source, calls, interruption } = watch(2000);
    source.emit('SIGTERM');
    expect(interruption.stopSignal.aborted).toBe(true);
    vi.advanceTimersByTime(1999);
    expect(interruption.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(interruption.signal.aborted).toBe(true);
    // A signal after the abort changes nothing.
    source.emit('SIGINT');
    expect(calls).toEqual(['stop SIGTERM 2000', 'abort still in flight after 2 s']);
    interruption.dispose();
  });

  it('once the run ended (disposed), neither the bound nor a signal does anything', () => {
    vi.useFakeTimers();
    const { source, calls, interruption } = watch(2000);
    source.emit('SIGINT');
    interruption.dispose();
    vi.advanceTimersByTime(5000);
    source.emit('SIGINT');
    source.emit('SIGTERM');
    expect(calls).toEqual(['stop SIGINT 2000']);
    expect(interruption.signal.aborted).toBe(false);
    expect(source.listenerCount('SIGINT') + source.listenerCount('SIGTERM')).toBe(0);
  });
});
