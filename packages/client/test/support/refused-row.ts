// A refused value as one row of a test table: what was given, the field and the limit its
// ValidationError names, and the message those make (`<field> must be <limit> (got <shown>)`),
// so a table states each case once and the wording stays in messages.ts.
import { messages } from './messages.js';

/** A refusal at construction. */
export const refusedRow = <T>(given: T, field: string, limit: string, shown: string) =>
  [given, field, limit, messages.refused(field, `be ${limit}`, shown)] as const;

/** A refusal of a call's input, whose message also says that nothing was sent. */
export const refusedUnsentRow = <T>(given: T, field: string, limit: string, shown: string) =>
  [given, field, limit, messages.refusedUnsent(field, `be ${limit}`, shown)] as const;
