// If-Match as Neutron reads it: an etag list, of which only the first entry starting with
// `revision_number=` (quoted or not) counts; `*` and other etags are ignored.

export type Revision = { kind: 'none' } | { kind: 'revision'; value: number } | { kind: 'malformed'; entry: string };

export function revisionConstraint(header: string | undefined): Revision {
  for (const raw of (header ?? '').split(',')) {
    const entry = raw
      .trim()
      .replace(/^W\//, '')
      .replace(/^"(.*)"$/, '$1');
    if (!entry.startsWith('revision_number=')) continue;
    const value = entry.slice('revision_number='.length);
    return /^[0-9]+$/.test(value) ? { kind: 'revision', value: Number(value) } : { kind: 'malformed', entry };
  }
  return { kind: 'none' };
}
