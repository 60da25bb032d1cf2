import { fileURLToPath } from 'node:url';
import type { UserConfig } from 'vite';
import { atlaskitFeatureFlagsOff } from './featureFlagsOff';
import { sharedHtmlShell } from './htmlShell';

const featureGatesStub = fileURLToPath(new URL('./featureGatesStub.ts', import.meta.url));
const compiledPressable = fileURLToPath(new URL('./compiledPressable.ts', import.meta.url));
const forgeBridgeEntries = fileURLToPath(new URL('./forgeBridgeEntries.ts', import.meta.url));
const iframeResizerStub = fileURLToPath(new URL('./iframeResizerStub.ts', import.meta.url));

/**
 * One Vite config for every Custom UI app, so they all build the same way: from `static/<app>/index.html`
 * to `static/<app>/build` (the path manifest.yml names), with relative asset paths because Forge serves
 * each resource from its own CDN prefix.
 */
export function customUiViteConfig(appDir: string): UserConfig {
  return {
    root: appDir,
    base: './',
    publicDir: false,
    resolve: {
      // Atlaskit asks Statsig for feature gates; no client is initialised in a Forge iframe (see the stub).
      // @forge/bridge's ADF renderer (unused here) is the only user of iframe-resizer.
      // @forge/bridge's CommonJS index can't be tree-shaken: take only the parts we use.
      // Lozenge's Emotion Pressable would bring Emotion and xcss along; the Compiled one takes its styles as they are.
      // Each stub says why it is safe; together they keep the issue panel within its gzip budget (npm run size).
      alias: [
        { find: /^@atlaskit\/feature-gate-js-client(\/.*)?$/, replacement: featureGatesStub },
        { find: /^iframe-resizer$/, replacement: iframeResizerStub },
        { find: /^@forge\/bridge$/, replacement: forgeBridgeEntries },
        { find: /^@atlaskit\/primitives\/pressable$/, replacement: compiledPressable },
      ],
    },
    // Every Atlaskit feature flag is off in a Forge iframe; saying so at build time drops the unused branches.
    plugins: [sharedHtmlShell(), atlaskitFeatureFlagsOff()],
    logLevel: 'warn',
    // Vite 8 transforms TSX with oxc; no React plugin is needed for a production build.
    oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
    build: {
      outDir: 'build',
      emptyOutDir: true,
      target: 'es2022',
      // The module-preload polyfill is an inline-able helper; Forge's browsers support modulepreload natively.
      modulePreload: { polyfill: false },
      // Keep everything in files: Forge's CSP forbids inline scripts.
      assetsInlineLimit: 0,
      reportCompressedSize: false,
    },
  };
}
