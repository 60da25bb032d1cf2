// Flat config: typed TypeScript rules, React hooks, jsx-a11y, no import cycles, and the layer rules of the
// architecture (README "Where things live"). Run by `npm test`; zero warnings allowed.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import { importX } from 'eslint-plugin-import-x';

const layer = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });
const never = (group, message) => ({ group, message });

export default tseslint.config(
  { ignores: ['node_modules/', 'static/*/build/', 'artifacts/', 'coverage/', '.workbench-data/', 'tools/', 'workbench/**/assets/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  { files: ['static/**/*.tsx', 'static/**/*.ts'], ...reactHooks.configs.flat.recommended },
  { files: ['static/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.cjs', 'jest.config.js'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } } },
  {
    // Tests read JSON answers as they come (unknown) and let matchers check their shape.
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  // Layers, one way (README "Where things live").
  layer(['src/**', 'static/**'], [never(['**/workbench/**', '**/test/**'], 'The app never imports the workbench or tests.')]),
  layer(['src/domain/**'], [
    never(['@forge/*', '**/jira/**', '**/storage/**', '**/contract/**', '**/resolvers/**', '**/events/**', '**/automation/**', '**/webtrigger/**', '**/useCases/**', '**/errors/**'],
      'The domain is pure: no platform, Jira, storage, contract or transport code.'),
  ]),
  layer(['src/useCases/**'], [never(['**/resolvers/**', '**/events/**', '**/automation/**', '**/webtrigger/**', '@forge/resolver', '@forge/events'], 'Use cases know no transport.')]),
  {
    files: ['static/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['**/src/**', '!**/src/contract', '!**/src/contract/**'], message: 'static/ imports only types from src/contract.' }, { group: ['**/src/contract', '**/src/contract/**'], allowTypeImports: true, message: 'static/ imports only types from src/contract.' }] }],
    },
  },
);
