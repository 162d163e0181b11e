// The package's version, sent as X-ZC-SDK-Version (test/sdk-headers.test.ts keeps it equal to
// package.json's, which a bundler-free ESM package cannot import at run time without Node APIs).
export const SDK_VERSION = '0.1.0';
/** Sent as X-ZC-SDK-Lang, next to the official SDKs' `Python`, `go`, `java`. */
export const SDK_LANG = 'typescript';
