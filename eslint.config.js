// @ts-check
import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import importX from 'eslint-plugin-import-x'
import playwright from 'eslint-plugin-playwright'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const features = ['clusters', 'snapshots', 'policy', 'restores', 'audit']

// DESIGN.md §2: dependencies point one way. web, bff and sandbox depend on contract only;
// contract depends on nothing of ours; features never import each other.
const boundaryZones = [
  { target: './src/contract', from: './src/web' },
  { target: './src/contract', from: './src/bff' },
  { target: './src/contract', from: './src/sandbox' },
  { target: './src/contract', from: './src/testing' },
  { target: './src/web', from: './src/bff' },
  { target: './src/web', from: './src/sandbox' },
  { target: './src/bff', from: './src/web' },
  { target: './src/bff', from: './src/sandbox' },
  { target: './src/sandbox', from: './src/web' },
  { target: './src/sandbox', from: './src/bff' },
  ...features.map((feature) => ({
    target: `./src/web/features/${feature}`,
    from: './src/web/features',
    except: [`./${feature}`],
  })),
]

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'data/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: boundaryZones }],
      'import-x/no-default-export': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Numbers in template strings read naturally in messages ("kept 7 days").
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true },
      ],
      // Left off: it flags defensive checks on data parsed from the network, which we keep.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // Left off: zod and react-hook-form idioms make it noisy without catching bugs.
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: {
      'react-hooks': reactHooks,
      '@tanstack/query': pluginQuery,
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...pluginQuery.configs['flat/recommended-strict']
        .map((c) => c.rules)
        .reduce((all, r) => ({ ...all, ...r }), {}),
    },
  },
  {
    files: ['e2e/**/*.ts'],
    ...playwright.configs['flat/recommended'],
  },
  {
    // Tool configs must default-export; test files may use non-null assertions on fixtures.
    files: ['*.config.{js,ts}', 'eslint.config.js'],
    rules: { 'import-x/no-default-export': 'off' },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
)
