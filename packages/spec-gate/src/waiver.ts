// A breaking change ships only as a new major: the spec's info.version major goes up AND a
// changeset (changesets' file format, `.changeset/*.md`) names the spec package as `major` and
// says why in its body.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';

export const specPackage = '@cloud-release/spec';

export interface Changeset {
  file: string;
  bumps: Record<string, unknown>;
  summary: string;
}

export const majorOf = (version: unknown): number | undefined => {
  const match = /^\s*v?(\d+)/.exec(String(version ?? ''));
  return match ? Number(match[1]) : undefined;
};

export function parseChangeset(file: string, text: string): Changeset | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) return undefined;
  const bumps = parse(match[1] ?? '') as unknown;
  if (typeof bumps !== 'object' || bumps === null) return undefined;
  return { file, bumps: bumps as Record<string, unknown>, summary: (match[2] ?? '').trim() };
}

export async function readChangesets(directory: string): Promise<Changeset[]> {
  const names = await readdir(directory).catch(() => [] as string[]);
  const changesets: Changeset[] = [];
  for (const name of names.filter((entry) => entry.endsWith('.md') && entry !== 'README.md').sort()) {
    const parsed = parseChangeset(name, await readFile(join(directory, name), 'utf8'));
    if (parsed) changesets.push(parsed);
  }
  return changesets;
}

export interface Waiver {
  allowed: boolean;
  reason: string;
}

export function waiveBreaking(versions: { released: unknown; working: unknown }, changesets: Changeset[]): Waiver {
  const [was, now] = [majorOf(versions.released), majorOf(versions.working)];
  const bumped = was !== undefined && now !== undefined && now > was;
  const major = changesets.find((c) => c.bumps[specPackage] === 'major' && c.summary.length > 0);
  if (bumped && major)
    return { allowed: true, reason: `info.version major ${was} → ${now} and .changeset/${major.file} says why` };
  const missing = [
    ...(bumped ? [] : [`bump info.version's major (released ${String(versions.released)})`]),
    ...(major ? [] : [`add a .changeset/*.md naming "${specPackage}": major with a summary saying why`]),
  ];
  return { allowed: false, reason: `to release it anyway: ${missing.join(' and ')}` };
}
