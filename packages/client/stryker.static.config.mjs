// The second mutation run: the module-level constants of the files that decide a destructive
// call (the port-id pattern, the not-sent error codes, the not-found codes, the default base
// URL, the error fields, the masks). Stryker calls these "static" mutants: a module reads them
// once, when it loads, so each needs a fresh load and the whole suite (about 40 s), and the main
// run (stryker.config.mjs) ignores them. This run mutates only those declarations, with
// ignoreStatic off; its report is kept apart, in reports/mutation-static/.
import { declarationRanges, strykerConfig } from '../../stryker.shared.mjs';

export default strykerConfig({
  mutate: declarationRanges(import.meta.dirname, {
    'src/neutron/client.ts': ['export const PORT_ID_PATTERN', 'const NO_RETRY', 'const now'],
    'src/transport/failure.ts': ['const BEFORE_SENDING'],
    'src/transport/errors.ts': ['const HEAD'],
    'src/transport/redact.ts': ['const inspect', 'export const MASK'],
    'src/transport/observe.ts': ['export const DRY_RUN_REQUEST_ID'],
    'src/transport/response-limit.ts': [
      'const oversized',
      'export const wasOversized',
      'export const isRedirect',
      'const NULL_BODY_STATUSES',
    ],
    'src/zenlayer/errors.ts': ['export const ALREADY_GONE_CODES', 'export const NOT_FOUND_CODES'],
    'src/zenlayer/batch-error.ts': ['const plural', 'const batchesOf'],
    'src/zenlayer/release-instances.ts': ['const empty'],
    'src/zenlayer/options.ts': ['export const DEFAULT_API_VERSIONS', 'export const CONTENT_TYPE', 'const API_VERSION'],
    'src/zenlayer/signing-key.ts': ["  [Symbol.for('nodejs.util.inspect.custom')]"],
    'src/generated-clients.ts': ['export const ZENLAYER_DEFAULT_BASE_URL'],
  }),
  ignoreStatic: false,
  vitest: { configFile: 'vitest.stryker.config.ts' },
  incrementalFile: 'reports/mutation-static/stryker-incremental.json',
  htmlReporter: { fileName: 'reports/mutation-static/index.html' },
  jsonReporter: { fileName: 'reports/mutation-static/mutation.json' },
});
