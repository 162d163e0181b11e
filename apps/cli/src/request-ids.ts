// No real API answers two requests with one requestId; a plain `prism mock` of the spec does
// (it serves the example's id every time). So a run that sees one twice says so: a warning on
// stderr, `repeatedRequestIds` in --json, and `repeatedRequestId: true` on the journal line.
import type { Out } from './io.js';
import { sanitize } from './text.js';

export class RequestIdWatch {
  private readonly seen = new Set<string>();
  /** Each requestId answered more than once in this run, once. */
  readonly repeated: string[] = [];

  constructor(private readonly out: Out) {}

  /** Notes the ids one answer carried; returns those already answered earlier in this run. */
  see(...requestIds: (string | undefined)[]): string[] {
    const again: string[] = [];
    for (const id of requestIds) {
      if (id === undefined || id === '') continue;
      if (this.seen.has(id)) again.push(id);
      else this.seen.add(id);
    }
    return again;
  }

  /** Warns once per id (called once the answer's journal line is on disk). */
  warn(ids: string[]): void {
    for (const id of ids) {
      if (this.repeated.includes(id)) continue;
      this.repeated.push(id);
      this.out.err(
        `warning: requestId ${sanitize(id)} was answered twice in this run; no real API repeats one (is the endpoint a plain mock?)`,
      );
    }
  }
}
