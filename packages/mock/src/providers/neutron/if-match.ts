// If-Match read as Neutron reads it: an etag list (webob's), of which only the entries that
// start with `revision_number=` mean anything — quoted or weak ones too. Others, like `*`,
// are ignored. A revision number that is not an integer is a 400.

export type IfMatch = { kind: 'none' } | { kind: 'revision'; revision: number } | { kind: 'malformed'; entry: string };

const unquote = (etag: string) => {
  const bare = etag.replace(/^W\//, '');
  // A lone `"` slices to '': no revision entry, as it is no revision entry bare.
  return bare.startsWith('"') && bare.endsWith('"') ? bare.slice(1, -1) : bare;
};

export function parseIfMatch(header: string | undefined): IfMatch {
  for (const entry of header?.split(',').map((e) => unquote(e.trim())) ?? []) {
    if (!entry.startsWith('revision_number=')) continue;
    const value = entry.slice('revision_number='.length);
    if (!/^\d+$/.test(value)) return { kind: 'malformed', entry };
    return { kind: 'revision', revision: Number(value) };
  }
  return { kind: 'none' };
}
