// Keeps the data flow one way: fails when a module of src/ imports one of a later stage.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src', import.meta.url));

/**
 * The stages, in the order data flows: corpus → diff → review → checks, metrics → store → export, stats, webhooks →
 * wiring (import-corpus, import/, export-article, upload/) → web → entry points. A module may import its own stage and earlier
 * ones only (stats and export read the review model's resolution, never the other way round).
 */
const stageOf = (file: string): number => {
  const [first] = file.split('/');
  const stages: Record<string, number> = {
    ...{ corpus: 0, diff: 1, review: 2, checks: 3, metrics: 3, store: 4, export: 5, stats: 6, webhooks: 6 },
  };
  if (first && first in stages) return stages[first] as number;
  // Wiring: from the corpus (a folder, an upload) into the store (import/: its edits computed in worker threads), and
  // out of it.
  if (['import-corpus.ts', 'import-key.ts', 'export-article.ts'].includes(file) || first === 'upload') return 7;
  if (first === 'import') return 7;
  if (first === 'web') return 8;
  return 9; // cli.ts, server.ts, app.ts, config.ts, commands/
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('the imports of src/', () => {
  it('flow one way: no module imports a later stage', () => {
    const backwards: string[] = [];
    for (const path of sourceFiles(src)) {
      const file = relative(src, path);
      for (const [, specifier] of readFileSync(path, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
        const target = relative(src, resolve(dirname(path), specifier as string));
        if (stageOf(target) > stageOf(file)) backwards.push(`${file} imports ${target}`);
      }
    }
    expect(backwards).toEqual([]);
  });

  it('sees the stages it checks (a test that reads no file would pass for nothing)', () => {
    const stages = new Set(sourceFiles(src).map((path) => stageOf(relative(src, path))));
    expect([...stages].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
