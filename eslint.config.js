// Lint rules: type-checked TypeScript rules (no floating promises, no any) and layer boundaries.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'public', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
      // Fastify plugins are async functions whether or not they await anything.
      '@typescript-eslint/require-await': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports only.' },
      ],
    },
  },
  {
    // Only repositories and the database platform talk to Kysely directly.
    files: ['src/**/*.ts'],
    ignores: [
      'src/**/*.repository.ts',
      'src/platform/db/**',
      'src/**/*.test.ts',
      'src/**/*.table.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'kysely',
              message: 'Only *.repository.ts and platform/db use Kysely.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // core/ is pure logic: no I/O, no platform, no features.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/platform/**', '**/features/**', 'kysely', 'fastify'] },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { projectService: false },
      globals: { ...globals.node, ...globals.browser },
    },
  },
  {
    files: ['eslint.config.js', '*.config.ts', 'bin/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  prettier,
);
