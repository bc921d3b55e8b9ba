// The direction of imports between the top folders (docs/ARCHITECTURE.md): no import may go against it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/browser';
import { ALLOWED, violations } from '../../scripts/check-layers';

interface Override {
  includes: string[];
  linter?: {
    rules?: { style?: { noRestrictedImports?: { options: { paths?: Record<string, string>; patterns?: { group: string[] }[] } } } };
  };
}
const biome = JSON.parse(readFileSync(join(ROOT, 'biome.json'), 'utf8')) as { overrides: Override[] };

/** What biome.json refuses to a top folder: the folders its patterns name, and whether it may import dexie. */
function refused(folder: string): { folders: string[]; dexie: boolean } {
  const rule = biome.overrides.find((o) => o.includes.includes(`${folder}/**`))?.linter?.rules?.style?.noRestrictedImports;
  const folders = (rule?.options.patterns ?? []).flatMap((p) => p.group).map((g) => g.replace(/^\*\*\/|\/\*\*$/g, ''));
  return { folders: folders.sort(), dexie: rule?.options.paths?.dexie !== undefined };
}

describe('layers', () => {
  it('no import goes against the direction', () => {
    expect(violations()).toEqual([]);
  });

  it('an import against the direction is found, at any depth, while one along it is not', () => {
    const root = mkdtempSync(join(tmpdir(), 'layers-'));
    try {
      mkdirSync(join(root, 'knowledge', 'deep'), { recursive: true });
      writeFileSync(
        join(root, 'knowledge', 'deep', 'card.ts'),
        "import { db } from '../../storage/db';\nimport type { Card } from '../../types/card';\n",
      );
      expect(violations(root)).toEqual(['knowledge/deep/card.ts → storage/ (../../storage/db)']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('the lint refuses each folder exactly the folders the direction does not allow, and dexie outside storage/', () => {
    const ours = [...Object.keys(ALLOWED), 'tests'];
    for (const [folder, allowed] of Object.entries(ALLOWED)) {
      const expected = allowed.includes('*') ? [] : ours.filter((f) => f !== folder && !allowed.includes(f)).sort();
      expect(refused(folder), folder).toEqual({ folders: expected, dexie: folder !== 'storage' });
    }
  });
});
