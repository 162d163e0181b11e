// --protect globs: `*` any run of characters, `?` one; matched against a resource's id and its
// name, whole. A protected resource is listed in the plan and never touched.

export function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 's');
}

/** The first glob that matches the id or the name, if any. */
export function protectedBy(globs: readonly string[], id: string, name: string | undefined): string | undefined {
  return globs.find((glob) => {
    const re = globToRegExp(glob);
    return re.test(id) || (name !== undefined && re.test(name));
  });
}
