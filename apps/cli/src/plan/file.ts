// The plan file: what `plan` saw and decided, and a SHA-256 digest of it all, so `apply` acts
// on exactly what a person reviewed (a hand-edited plan is refused, naming the file). Written
// through a fresh temporary file (O_CREAT|O_EXCL|O_NOFOLLOW, mode 0600) renamed into place:
// never through a symbolic link, never half-written.
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import type { TeardownStep } from '@cloud-release/client';
import { UsageError } from '../usage.js';
import type { Kind } from './steps.js';

export const PLAN_FORMAT = 1;
/** A plan larger than this is not one `plan` wrote. */
const MAX_PLAN_BYTES = 64 * 1024 * 1024;

export interface PlannedResource {
  provider: 'zenlayer' | 'neutron';
  type: Kind;
  id: string;
  name?: string;
  /** What the read found; null: not found. */
  status: string | null;
  revision?: number;
  owner?: string;
  action: 'destroy' | 'already-gone' | 'refused' | 'protected';
  steps: TeardownStep[];
  code?: string;
  reason?: string;
  instead?: string;
  /** The --protect glob that matched. */
  protectedBy?: string;
}

export interface PlanBody {
  format: typeof PLAN_FORMAT;
  createdAt: string;
  /** Each provider's endpoint, or "embedded-mock". */
  endpoints: { zenlayer?: string; neutron?: string };
  /** Who read it (a key id, a digest of a token; never a secret): apply must run as the same. */
  account: string;
  resources: PlannedResource[];
}

export type Plan = PlanBody & { digest: string };

/** JSON with its keys sorted at every level: the same plan always digests the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export function digestOf(body: PlanBody): string {
  return `sha256:${createHash('sha256').update(canonical(body)).digest('hex')}`;
}

export function sealPlan(body: PlanBody): Plan {
  return { ...body, digest: digestOf(body) };
}

export function writePlan(path: string, plan: Plan): void {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  let fd: number | undefined;
  try {
    fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    const bytes = Buffer.from(`${JSON.stringify(plan, null, 2)}\n`);
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw new UsageError(`--out ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

const bad = (path: string, why: string) =>
  new UsageError(`plan ${path}: ${why}; make a new one with 'cloud-release plan'`);

/** Reads a plan back (never through a symbolic link) and checks its shape and its digest. */
export function readPlan(path: string): Plan {
  let text: string;
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw bad(path, 'not a regular file');
    if (stat.size > MAX_PLAN_BYTES) throw bad(path, `larger than ${MAX_PLAN_BYTES} bytes`);
    text = readFileSync(fd, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `plan ${path}: ${code === 'ELOOP' ? 'a symbolic link; a plan is never read through one' : (code ?? (error as Error).message)}`,
    );
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw bad(path, 'not JSON');
  }
  const plan = value as Partial<Plan>;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad(path, 'not a JSON object');
  if (plan.format !== PLAN_FORMAT) throw bad(path, `"format" must be ${PLAN_FORMAT}`);
  if (typeof plan.digest !== 'string') throw bad(path, '"digest" is missing');
  if (!Array.isArray(plan.resources)) throw bad(path, '"resources" must be an array');
  const { digest, ...body } = plan as Plan;
  if (digestOf(body) !== digest)
    throw new UsageError(
      `plan ${path}: its digest does not match its contents (edited since it was written?); nothing was sent. Make a new plan with 'cloud-release plan'`,
    );
  return plan as Plan;
}
