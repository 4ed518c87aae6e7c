// Jest: four projects, all run by `npm test`. swc compiles TypeScript (with decorator metadata)
// and the ESM-only packages listed below, so no Node flag is needed (see ../shared/STACK.md).
const esmPackages = [
  'meilisearch',
  'file-type',
  '@tokenizer/inflate',
  'token-types',
  '@borewit/text-codec',
  'strtok3',
  'uint8array-extras',
  '@electric-sql',
  'otplib',
  '@otplib',
  '@noble',
  '@scure',
  'unpdf',
  // d3-scale and d3-shape (server-rendered charts) and the d3 modules they import.
  'd3-[a-z-]+',
  'internmap',
];
const base = {
  transform: {
    '^.+\\.(t|j|mj|cj)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^file-type$': '<rootDir>/node_modules/file-type/index.js',
    // unpdf loads its PDF.js build with a dynamic import Jest cannot resolve on its own.
    '^unpdf/pdfjs$': '<rootDir>/node_modules/unpdf/dist/pdfjs.mjs',
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  testEnvironment: 'node',
  rootDir: __dirname,
};

module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60_000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...base, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    { ...base, displayName: 'contract', testMatch: ['<rootDir>/test/contract/**/*.test.ts'] },
    { ...base, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.test.ts'] },
  ],
};
