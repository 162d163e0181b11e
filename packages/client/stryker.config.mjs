import { strykerConfig } from '../../stryker.shared.mjs';

// src/generated is openapi-typescript output: types only, nothing to mutate.
export default strykerConfig({ mutate: ['src/**/*.ts', '!src/generated/**'] });
