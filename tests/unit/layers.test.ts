// The direction of imports between the top folders (docs/ARCHITECTURE.md): no import may go against it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { violations } from '../../scripts/check-layers';

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
});
