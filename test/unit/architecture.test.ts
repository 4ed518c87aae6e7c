import madge from 'madge';
import path from 'node:path';

// The structure a newcomer can change safely: imports point one way only, and app.ts (the web
// app's assembly) is imported by the server and the tests, never by what it assembles.
const root = path.join(__dirname, '../../src');

describe('the import graph of src', () => {
  let graph: Awaited<ReturnType<typeof madge>>;
  beforeAll(async () => {
    graph = await madge(root, {
      fileExtensions: ['ts'],
      tsConfig: path.join(__dirname, '../../tsconfig.json'),
    });
  });

  it('has no circle', () => {
    expect(graph.circular()).toEqual([]);
  });

  it('lets only the server import app.ts', () => {
    const importers = Object.entries(graph.obj())
      .filter(([, imports]) => imports.includes('app.ts'))
      .map(([file]) => file);
    expect(importers).toEqual(['server.ts']);
  });

  it('keeps routers out of services and queries', () => {
    const wrong = Object.entries(graph.obj()).flatMap(([file, imports]) =>
      /\.(service|queries)\.ts$/.test(file)
        ? imports.filter((i) => i.endsWith('.router.ts')).map((i) => `${file} → ${i}`)
        : [],
    );
    expect(wrong).toEqual([]);
  });
});
