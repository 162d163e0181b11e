// The module browser-bundle.mjs writes at build: each dist/spec/*.json's text by file name.
declare module 'cloud-release-mock:specs' {
  export const specs: Record<string, string>;
}
