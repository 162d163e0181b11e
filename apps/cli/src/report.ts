// What the CLI prints: a line a person can act on, or JSON for a machine; and the exit code.
// Client errors all share one root (CloudReleaseError) with toJSON(), outcome and code, so
// they are printed from their facts; the only other question is "was it a mistake in how we
// were called" (exit 2).
import { CloudReleaseError, describeIds, type ObservedRequest, ValidationError } from '@cloud-release/client';
import type { Out } from './io.js';
import { plural, sanitize } from './text.js';
import { EXIT, UsageError } from './usage.js';

type Facts = Record<string, unknown>;

export function printPlanned(requests: ObservedRequest[], endpoint: string, io: Out): void {
  if (io.json) {
    io.out(JSON.stringify({ ok: true, dryRun: true, endpoint, requests }, null, 2));
    return;
  }
  io.out(
    `DRY RUN: nothing was sent. ${requests.length === 1 ? 'This request' : `These ${requests.length} requests`} would be sent:`,
  );
  for (const r of requests) {
    io.out('');
    io.out(`${r.method} ${r.url}`);
    for (const [name, value] of Object.entries(r.headers)) io.out(`${name}: ${value}`);
    if (r.body) io.out(`\n${r.body}`);
  }
}

const ADVICE_UNKNOWN =
  'the outcome is unknown: the server may have acted on it. Re-run with --ignore-missing, or look the resource up.';

/** The one-line account of a part of a batch error, e.g. "code X, requestId T…". */
function partDetail(facts: Facts | undefined): string {
  if (!facts) return '';
  if (facts.code !== undefined || facts.requestId !== undefined)
    return `code ${sanitize(String(facts.code ?? '(none)'))}, requestId ${sanitize(String(facts.requestId ?? '(none)'))}`;
  return sanitize(String(facts.message ?? ''));
}

function printBatchParts(facts: Facts, io: Out): void {
  const parts = (key: string) => (Array.isArray(facts[key]) ? (facts[key] as Facts[]) : []);
  const span = (ids: string[]) => `${plural(ids.length, 'instance')} (${sanitize(describeIds(ids))})`;
  for (const f of parts('failed'))
    io.err(`  not released: ${span(f.ids as string[])}: ${partDetail(f.error as Facts | undefined)}`);
  for (const u of parts('unknown'))
    io.err(`  outcome unknown: ${span(u.ids as string[])}: ${partDetail(u.error as Facts | undefined)}`);
  for (const r of parts('released'))
    io.err(`  released: ${plural((r.ids as string[]).length, 'instance')}, requestId ${sanitize(String(r.requestId))}`);
  const notSent = Array.isArray(facts.notSent) ? (facts.notSent as string[]) : [];
  if (notSent.length) io.err(`  not sent: ${span(notSent)}`);
}

/** Prints an error and returns the exit code it deserves. */
export function reportError(error: unknown, io: Out, endpoint?: string, extra?: Record<string, unknown>): number {
  const usage = error instanceof UsageError || error instanceof ValidationError;
  const code = usage ? EXIT.usage : EXIT.apiError;
  const facts: Facts | undefined =
    error instanceof CloudReleaseError
      ? error.toJSON()
      : error instanceof UsageError
        ? { name: error.name, message: error.message }
        : undefined;
  if (!facts) {
    // Not one of ours: still exit 1, but keep the stack for a bug report.
    io.err(`error: ${(error as Error)?.stack ?? String(error)}`);
    return code;
  }
  if (io.json) {
    io.out(JSON.stringify({ ok: false, ...(endpoint && { endpoint }), ...extra, error: facts }, null, 2));
    return code;
  }
  io.err(`error: ${sanitize(String(facts.message), 2000)}`);
  if (error instanceof UsageError && error.hint) io.err(error.hint);
  for (const key of ['status', 'code', 'type', 'requestId'] as const)
    if (facts[key] !== undefined && facts[key] !== null) io.err(`  ${key}: ${sanitize(String(facts[key]))}`);
  printBatchParts(facts, io);
  if (error instanceof CloudReleaseError && error.outcome === 'unknown') io.err(`  ${ADVICE_UNKNOWN}`);
  return code;
}
