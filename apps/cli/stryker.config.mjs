import { strykerConfig } from '../../stryker.shared.mjs';

export default strykerConfig({ mutate: ['src/**/*.ts'], vitest: { configFile: 'vitest.stryker.config.ts' } });
