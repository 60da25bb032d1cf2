/**
 * Stands in for `@atlaskit/primitives/pressable` (aliased in viteAppConfig.ts). Its only importer,
 * @atlaskit/lozenge, styles it with Compiled `cx(...)` classes, which the Compiled Pressable takes as
 * they are; the Emotion one would pull Emotion and the whole xcss token maps (~12 KB gzip) into the panel.
 */
export { Pressable, Pressable as default } from '@atlaskit/primitives/compiled/pressable';
