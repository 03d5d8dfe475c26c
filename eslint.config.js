import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The UI never runs TensorFlow.js: that is the worker's job (docs/ARCHITECTURE.md layers). Engine
      // modules that import it are off limits too, except for their types.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@tensorflow/*'], message: 'TensorFlow.js runs in the worker only.' },
            {
              // engine/model/shape is plain arithmetic on shapes: the page may use it.
              group: ['**/engine/model/**', '!**/engine/model/shape', '**/engine/backend', '**/engine/loop/run', '**/engine/loop/families/*', '**/engine/loop/generation', '**/worker/simulation.worker'],
              message: 'This engine module loads TensorFlow.js; the page may import its types only.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'zustand', 'recharts', '**/app/**', '**/worker/**'] }],
      'no-restricted-globals': ['error', 'document', 'window'],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
