// One change between the released spec and the working one, in words a reviewer can act on.
export type Verdict = 'breaking' | 'additive';

export interface Finding {
  verdict: Verdict;
  /** Where: the operation (`ReleaseDisk (POST /api/v2/zec)`) or the spec itself. */
  where: string;
  /** What changed, naming the field, parameter, value or limit. */
  change: string;
  /** Which rule saw it: `openapi-diff:<code>` or `rule:<name>`. */
  source: string;
}

export class Findings {
  readonly list: Finding[] = [];
  breaking(where: string, change: string, source: string): void {
    this.list.push({ verdict: 'breaking', where, change, source });
  }
  additive(where: string, change: string, source: string): void {
    this.list.push({ verdict: 'additive', where, change, source });
  }
}

export const describeFinding = (finding: Finding): string => `${finding.where}: ${finding.change} [${finding.source}]`;
