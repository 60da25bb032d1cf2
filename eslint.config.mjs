// Flat config: typed TypeScript rules, React hooks, jsx-a11y, no import cycles, and the layer rules of the
// architecture (README "Where things live"). Run by `npm test`; zero warnings allowed.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

const never = (group, message) => ({ group, message });
// One `no-restricted-imports` per file: a later block replaces an earlier one, so every layer repeats the app-wide rule.
const appOnly = never(['**/workbench/**', '**/test/**'], 'The app never imports the workbench or tests.');
const layer = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns: [appOnly, ...patterns] }] } });

const domainForbidden = [
  '@forge/*',
  '**/jira/**',
  '**/storage/**',
  '**/contract/**',
  '**/resolvers/**',
  '**/events/**',
  '**/automation/**',
  '**/webtrigger/**',
  '**/useCases/**',
  '**/errors/**',
];
const domainMessage = 'The domain is pure: no platform, Jira, storage, contract or transport code.';
const useCaseForbidden = ['**/resolvers/**', '**/events/**', '**/automation/**', '**/webtrigger/**', '@forge/resolver', '@forge/events'];
const useCaseMessage = 'Use cases know no transport.';
const staticMessage = 'static/ imports only types from src/contract.';
const staticRule = () => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: ['**/src/**', '!**/src/contract', '!**/src/contract/**'], message: staticMessage },
        { group: ['**/src/contract', '**/src/contract/**'], allowTypeImports: true, message: staticMessage },
      ],
    },
  ],
});

// Plain JS files are not type-checked; these are the globals their runtime gives them.
const nodeGlobals = { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' };

export default tseslint.config(
  { ignores: ['node_modules/', 'static/*/build/', 'artifacts/', 'coverage/', '.workbench-data/', 'tools/', 'workbench/**/assets/'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    // no-cycle follows only imports it can resolve: relative TypeScript imports carry no extension.
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // A leading underscore says "unused on purpose" (a required parameter, a property left out of a rest copy).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // The classic hook rules only; the React-compiler rules of the v7 presets do not apply to this code base.
    files: ['static/**/*.tsx', 'static/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  { files: ['static/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  {
    files: ['static/**/*.tsx'],
    rules: {
      // A scrolling region (role="region" with a label) must take focus so keyboard users can scroll it (axe: scrollable-region-focusable).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'region'], allowExpressionValues: true }],
    },
  },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['scripts/**/*.mjs', 'eslint.config.mjs'], languageOptions: { globals: nodeGlobals } },
  {
    files: ['**/*.cjs', 'jest.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } },
  },
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
  layer(['src/**', 'static/**'], []),
  layer(['src/domain/**'], [never(domainForbidden, domainMessage)]),
  layer(['src/useCases/**'], [never(useCaseForbidden, useCaseMessage)]),
  // Use cases may name the contract's read models (types), never map to its wire codes: entry points do that.
  {
    files: ['src/useCases/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/contract', '**/contract/**'],
              allowTypeImports: true,
              message: 'Use cases import only types from the contract; entry points map failures to its codes.',
            },
          ],
        },
      ],
    },
  },
  { files: ['static/**'], rules: staticRule() },
);
