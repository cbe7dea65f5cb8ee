// ESLint flat config: typescript-eslint's `recommended` over everything we write (run: npm run lint).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import globals from 'globals';

export default tseslint.config(
  // Generated: type declarations, runs, sweeps, figures.
  { ignores: ['dist/**', 'runs/**', 'sweeps/**', 'figures/**', 'node_modules/**', '**/.tmp-*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  comments.recommended,
  {
    files: ['**/*.{ts,mjs,js}'],
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Project rule: `any` only with a comment saying why. The way to write one is
      // `// eslint-disable-next-line @typescript-eslint/no-explicit-any -- why`, and the rule
      // below rejects a disable without the `-- why`.
      '@typescript-eslint/no-explicit-any': 'error',
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: [] }],
      // Every disable names its rule: a blanket `eslint-disable` hides whatever comes later.
      '@eslint-community/eslint-comments/no-unlimited-disable': 'error',
      // A leading underscore marks a binding kept on purpose (a rest sibling dropped from a copy,
      // a callback's unused parameter fixed by the caller's signature).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
);
