// @ts-check
import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import playwright from 'eslint-plugin-playwright'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const features = ['clusters', 'snapshots', 'policy', 'restores', 'audit']

// DESIGN.md §2: dependencies point one way. web, bff and sandbox depend on contract only;
// contract depends on nothing of ours; features never import each other. Checked on the import
// text (core ESLint, no resolver): `contract/bff` is the BFF's API contract, not the BFF.
const layer = (name) =>
  `(^|/)${name === 'bff' ? '(?<!contract/)' : ''}${name}(/|$)`
const forbid = (layers, why) =>
  layers.map((name) => ({
    regex: layer(name),
    message: `${why} (DESIGN.md §2).`,
  }))

const layerRules = {
  'src/contract/**': forbid(
    ['web', 'bff', 'sandbox', 'testing'],
    'contract imports nothing of ours',
  ),
  'src/web/**': forbid(
    ['bff', 'sandbox', 'testing'],
    'the SPA talks to the BFF over HTTP only',
  ),
  'src/bff/**': forbid(
    ['web', 'sandbox'],
    'the BFF reaches the sandbox over HTTP only',
  ),
  'src/sandbox/**': forbid(
    ['web', 'bff'],
    'the sandbox stands alone, like Atlas',
  ),
}

const boundaryConfigs = [
  ...Object.entries(layerRules).map(([files, patterns]) => ({
    files: [files],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  })),
  ...features.map((feature) => ({
    files: [`src/web/features/${feature}/**`],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...layerRules['src/web/**'],
            {
              regex: `^(\\.\\./)+(${features.filter((f) => f !== feature).join('|')})(/|$)`,
              message:
                'Features never import each other: share through src/web/components or src/web/lib (DESIGN.md §2).',
            },
          ],
        },
      ],
    },
  })),
]

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-server/**',
      '.dist-server-*/**',
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
    rules: {
      'no-restricted-exports': [
        'error',
        {
          restrictDefaultExports: {
            direct: true,
            named: true,
            defaultFrom: true,
            namedFrom: true,
            namespaceFrom: true,
          },
        },
      ],
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
  ...boundaryConfigs,
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
    rules: { 'no-restricted-exports': 'off' },
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
