import base from '@cruddur/eslint-config/base';

export default [
  ...base,
  // Playwright reads a fixture's dependencies from its destructuring pattern, so fixtures that
  // need none must write `{}`.
  { files: ['src/fixtures.ts'], rules: { 'no-empty-pattern': 'off' } },
];
