/** The shared test settings, then the package's `own` (its timeouts, above all), which win. */
export declare function packageTests<Own extends object>(
  own: Own,
): { passWithNoTests: boolean; include: string[]; isolate: boolean; server: { deps: { external: RegExp[] } } } & Own;
