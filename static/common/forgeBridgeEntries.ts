/**
 * Stands in for `@forge/bridge`'s index (aliased in viteAppConfig.ts). That index is CommonJS, so the
 * bundler cannot tree-shake it: it would ship object store, permissions, Rovo, i18n (with lodash) and
 * more to every app. This re-exports the same objects from the package's own modules, only the ones
 * our apps use; a missing name fails the build rather than the app. The package's `exports` map hides
 * these modules, hence the paths.
 */
export { view } from '../../node_modules/@forge/bridge/out/view';
export { invoke } from '../../node_modules/@forge/bridge/out/invoke';
export { router } from '../../node_modules/@forge/bridge/out/router';
export { requestJira } from '../../node_modules/@forge/bridge/out/fetch';
export { events } from '../../node_modules/@forge/bridge/out/events';
