import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'data/', 'screenshots/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        crypto: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        fetch: 'readonly',
        document: 'readonly',
        window: 'readonly',
        navigator: 'readonly',
        localStorage: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
      // Domain code takes time from the injected clock; only src/shared/clock.ts may call new Date().
      'no-restricted-syntax': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/shared/clock.ts', 'src/cli/**', 'src/config/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Use the injected clock (deps.clock.now()).',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Use the injected clock (deps.clock.now()).',
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/config/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration from the Config object (src/config).' },
      ],
    },
  },
  {
    // orders/ is the bottom of the domain: capabilities plug into it through the hooks handed in at
    // the composition root (src/composition.ts), never by orders/ importing them (issue 12).
    files: ['src/orders/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '../{duplicates,search,knowledge,timelimits,attachments,calendar,supervision,notifications,portal,analytics,nlp,calls,live,demo,textmodules,notes,presence}/**',
              ],
              message: 'orders/ imports no capability: register a hook in src/composition.ts instead.',
            },
          ],
        },
      ],
    },
  },
);
