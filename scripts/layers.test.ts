import { describe, expect, it } from 'vitest';
import { findViolations, importsOf } from './layers';

describe('layer check', () => {
  it('finds static, dynamic and require imports', () => {
    expect(importsOf(`import a from 'x';\nimport { b } from "./y";\nconst c = await import('z');\nrequire('w');\nexport * from './v';`)).toEqual([
      'x',
      './y',
      'z',
      'w',
      './v',
    ]);
  });

  it('fails when app/core imports electron', () => {
    const out = findViolations([{ path: 'app/core/jobs/engine.ts', source: "import { app } from 'electron';" }]);
    expect(out).toEqual(['app/core/jobs/engine.ts: imports "electron" — only app/electron may import electron']);
  });

  it('fails when renderer imports app', () => {
    const out = findViolations([{ path: 'renderer/src/features/x.tsx', source: "import { openProject } from '../../../app/core/project/project';" }]);
    expect(out[0]).toMatch(/renderer may import shared only/);
  });

  it('fails when shared imports Node or app code', () => {
    expect(findViolations([{ path: 'shared/domain/x.ts', source: "import fs from 'node:fs';" }])).toHaveLength(1);
    expect(findViolations([{ path: 'shared/domain/x.ts', source: "import { y } from '../../app/core/y';" }])).toHaveLength(1);
  });

  it('fails when app/core imports a transport', () => {
    for (const target of ['cli/import/csv', 'electron/keyVault', 'devhost/server']) {
      expect(findViolations([{ path: 'app/core/export/x.ts', source: `import { y } from '../../${target}';` }])[0]).toMatch(
        /app\/core must not import the transports/,
      );
    }
  });

  it('fails when shipped code imports a test kit, and lets tests and kits do so', () => {
    const kit = "import { makeProject } from '../jobs/jobs.testkit';";
    expect(findViolations([{ path: 'app/core/services/session.ts', source: kit }])[0]).toMatch(/shipped code must not import a test kit/);
    expect(findViolations([{ path: 'renderer/src/lib/moves.ts', source: "import { twoScenes } from './snapshots.testkit';" }])).toHaveLength(1);
    expect(
      findViolations([
        { path: 'app/core/services/session.test.ts', source: kit },
        { path: 'app/core/export/tools.testkit.ts', source: kit },
      ]),
    ).toEqual([]);
  });

  it('allows the intended directions', () => {
    expect(
      findViolations([
        { path: 'app/electron/main.ts', source: "import { app } from 'electron';\nimport { c } from '../core/services/core';" },
        { path: 'renderer/src/a.tsx', source: "import { contract } from '../../shared/contract';\nimport React from 'react';" },
        { path: 'app/core/x.ts', source: "import fs from 'node:fs';\nimport { t } from '../../shared/domain/types';" },
      ]),
    ).toEqual([]);
  });
});
