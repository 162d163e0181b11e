// TypeScript 5.9's view of the packages' declarations, through its compiler API in the test's
// process: the consumer project's program as `tsc -p` builds it (same tsconfig, same files),
// with diagnostics asked only of the consumer's own files and of the files our tarballs
// installed. `tsc` also checks every other installed declaration (@types/node, msw's graphql,
// vitest's vite), none of it ours to fix: about 10 s of CPU against 4 s here.
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import type * as TypeScript from 'typescript-5';

const OURS = `${sep}node_modules${sep}@cloud-release${sep}`;
const INSTALLED = `${sep}node_modules${sep}`;
/** The consumer's files and ours; pnpm's store path of a package ends in node_modules/@cloud-release/<name>. */
const checked = (file: string) => !file.includes(INSTALLED) || file.includes(OURS);

/**
 * The diagnostics, formatted as tsc prints them (empty when there are none), of `project`'s
 * tsconfig.json under the TypeScript installed in `compiler` (a package folder).
 */
export function declarationDiagnostics(compiler: string, project: string): string {
  const ts = createRequire(join(compiler, 'package.json'))(compiler) as typeof TypeScript;
  const host: TypeScript.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  };
  const config = ts.getParsedCommandLineOfConfigFile(join(project, 'tsconfig.json'), {}, host)!;
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  const files = program.getSourceFiles().filter((file) => checked(file.fileName));
  if (!files.some((file) => file.fileName.includes(OURS)))
    throw new Error(`no @cloud-release declarations in ${project}`);
  const diagnostics = [
    ...config.errors,
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...files.flatMap((file) => [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]),
  ];
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => project,
    getNewLine: () => '\n',
  });
}
