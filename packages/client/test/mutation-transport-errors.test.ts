// toJSON of an error class a caller derives from CloudReleaseError (issue 15: a survivor in
// transport/errors.ts): a field holding a Date or a URL prints as that value's own JSON form
// (its ISO date, its href), not as an empty object; a plain object's fields still print as data.
import { describe, expect, it } from 'vitest';
import { CloudReleaseError } from '../src/index.js';

class ReleaseScheduledError extends CloudReleaseError {
  override readonly name = 'ReleaseScheduledError';
  constructor(
    readonly at: Date,
    readonly endpoint: URL,
    readonly window: { from: string; to: string },
  ) {
    super(`release scheduled at ${at.toISOString()}`, { outcome: 'not-sent' });
  }
}

describe('toJSON of a derived error', () => {
  it('keeps a Date and a URL as themselves, so JSON prints their own forms', () => {
    const error = new ReleaseScheduledError(
      new Date('2026-12-02T16:00:00Z'),
      new URL('https://console.zenlayer.test/api'),
      {
        from: '16:00',
        to: '17:00',
      },
    );
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'ReleaseScheduledError',
      message: 'release scheduled at 2026-12-02T16:00:00.000Z',
      outcome: 'not-sent',
      at: '2026-12-02T16:00:00.000Z',
      endpoint: 'https://console.zenlayer.test/api',
      window: { from: '16:00', to: '17:00' },
    });
  });
});
