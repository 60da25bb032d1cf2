import type { Plugin } from 'vite';

/**
 * Atlaskit asks `fg('flag')` (@atlaskit/platform-feature-flags) at render time whether to use new code
 * paths. In a Forge iframe no product installs a flag resolver, so every answer comes from
 * `FeatureGates.checkGate`, which featureGatesStub.ts answers with `false`. This plugin writes that
 * `false` in at build time, so the minifier can drop the never-taken branches (and the modules only they
 * use, e.g. react-select's top-layer menu) instead of shipping them to every issue view.
 */
const FG_IMPORT = /import \{ fg \} from '@atlaskit\/platform-feature-flags(?:\/fg)?';/;
const FG_CALL = /\bfg\((['"])[\w./@:-]+\1\)/g;

export function atlaskitFeatureFlagsOff(): Plugin {
  return {
    name: 'process-loop:atlaskit-feature-flags-off',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('/node_modules/@atlaskit/') || !FG_IMPORT.test(code)) return null;
      // Padded to the call's length so no code moves and the source map stays exact (hence `map: null`).
      return { code: code.replace(FG_CALL, (call) => 'false'.padEnd(call.length)), map: null };
    },
  };
}
