/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/functions', '<rootDir>/taskpane', '<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  setupFiles: ['<rootDir>/test/setup/custom-functions.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setup/dom-timeouts.ts'],
  moduleNameMapper: {
    '^office-addin-manifest$': '<rootDir>/test/setup/office-addin-manifest-shim.js',
  },
};
