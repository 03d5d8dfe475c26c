import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import path from 'node:path';

/**
 * The page's folders import one way (docs/ARCHITECTURE.md, "The page's folders"): lowest first,
 * a file in src/app may import its own folder and the folders listed before it, never one listed
 * after. A subfolder has its own place; a folder missing here is reported, so a new one is placed.
 */
const APP_FOLDER_ORDER = [
  'ui',
  'store',
  'share',
  'export',
  'session',
  'classroom',
  'runs/kept',
  'runs/playback',
  'runs/recorded',
  'runs/compare',
  'runs',
  'charts/data',
  'charts',
  'samples',
  'lessons/words',
  'lessons/self-view',
  'lessons/class-filter',
  'lessons/predict',
  'lessons',
  'controls/fields',
  'controls/groups',
  'controls',
  'run-bar',
  'explain',
  'theory/shared',
  'theory/sweep',
  'theory',
  '.',
];

const appRoot = path.resolve(import.meta.dirname, 'src/app');
const appPath = (absolute) => path.relative(appRoot, absolute).split(path.sep).join('/');

const appFolderOrder = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      upward:
        "src/app/{{from}} may not import src/app/{{to}}: the page's folders import one way (APP_FOLDER_ORDER).",
      unplaced:
        'src/app/{{folder}} has no place in APP_FOLDER_ORDER (eslint.config.js): add it where its imports allow.',
    },
  },
  create(context) {
    const from = appPath(path.dirname(context.filename)) || '.';
    if (from.startsWith('..')) return {};
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = appPath(path.resolve(path.dirname(context.filename), spec));
      if (target.startsWith('..')) return;
      const to = path.posix.dirname(target);
      if (to === from) return;
      const unplaced = [from, to].filter((folder) => !APP_FOLDER_ORDER.includes(folder));
      for (const folder of unplaced) context.report({ node, messageId: 'unplaced', data: { folder } });
      if (unplaced.length > 0) return;
      if (APP_FOLDER_ORDER.indexOf(to) <= APP_FOLDER_ORDER.indexOf(from)) return;
      context.report({ node, messageId: 'upward', data: { from, to } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default tseslint.config(
  { ignores: ['dist', 'dist-bench', 'node_modules', 'coverage', 'test-results'] },
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
              group: [
                '**/engine/model/**',
                '!**/engine/model/shape',
                '**/engine/backend',
                '**/engine/loop/run',
                '**/engine/loop/families/*',
                '**/engine/loop/generation',
                '**/worker/simulation.worker',
              ],
              message: 'This engine module loads TensorFlow.js; the page may import its types only.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'collapse-lab': { rules: { 'app-folder-order': appFolderOrder } } },
    rules: { 'collapse-lab/app-folder-order': 'error' },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        { patterns: ['react', 'react-dom', 'zustand', 'recharts', '**/app/**', '**/worker/**'] },
      ],
      'no-restricted-globals': ['error', 'document', 'window'],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
