// One policy in fact: every access decision is made in server/src/policy/ (and, for what the web
// app shows, in its one mirror web/src/company/policy.ts). This reads every other source file of
// the server and the web app and fails on the two signs of a decision made elsewhere: reading a
// person's platform-admin flag, and comparing access levels. Ask the policy instead
// (isPlatformAdministrator, mayManageCompanies, accessAllows, ...), or add the function there.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../repo-root.ts';

/** Where decisions are made. */
const POLICY = ['server/src/policy/', 'web/src/company/policy.ts'];

/** Not ours to check: generated code (the Prisma client, the GraphQL documents' types). */
const GENERATED = ['server/src/generated/', 'web/src/gql/'];

/**
 * Data access that reads the flag's value to store it, not to decide anything. Selecting the
 * column (Prisma selects, the principal's loader, the GraphQL field) is no property read and needs
 * no exception.
 */
const MAY_READ_THE_FLAG: Record<string, string> = {
  'server/src/modules/user/user.service.ts':
    'createUser writes the column from its validated input (who may call it: policy mayCreateUsers, in the shield)',
  'server/src/demo/seed.ts': "the demo seed writes its people's column",
};

const RULES: { name: string; pattern: RegExp; except?: Record<string, string> }[] = [
  // principal.isPlatformAdmin, me.isPlatformAdmin, ctx.principal?.isPlatformAdmin, x['isPlatformAdmin'], { isPlatformAdmin } = x
  {
    name: 'reads the platform-admin flag',
    pattern:
      /(\??\.isPlatformAdmin\b|\[\s*['"`]isPlatformAdmin['"`]\s*\]|\{[^{}=]*\bisPlatformAdmin\b[^{}=]*\}\s*=[^=>])/,
    except: MAY_READ_THE_FLAG,
  },
  // access === 'WRITE', 'READ' !== level, grant.access == AccessLevel.READ, case 'WRITE':
  {
    name: 'compares access levels',
    pattern:
      /([!=]==?\s*(['"`](READ|WRITE)['"`]|AccessLevel\.(READ|WRITE)\b)|(['"`](READ|WRITE)['"`]|AccessLevel\.(READ|WRITE))\s*[!=]==?|case\s+(['"`](READ|WRITE)['"`]|AccessLevel\.(READ|WRITE))\s*:)/,
  },
  { name: 'ranks access levels', pattern: /\bRANK\b/ },
];

function sourceFiles(folder: string): string[] {
  return readdirSync(join(REPO_ROOT, folder), { recursive: true, encoding: 'utf8' })
    .map((file) => `${folder}/${file.split('\\').join('/')}`)
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.endsWith('.d.ts'))
    .filter((file) => !GENERATED.some((g) => file.startsWith(g)));
}

const files = [...sourceFiles('server/src'), ...sourceFiles('web/src')];

describe('access decisions live in the policy', () => {
  it('reads the server and the web app (a sanity check: the scan finds them)', () => {
    expect(files).toContain('server/src/graphql/shield.ts');
    expect(files).toContain('web/src/company/company-context.tsx');
    expect(files.length).toBeGreaterThan(100);
  });

  it.each(RULES)('no file outside the policy $name', ({ pattern, except = {} }) => {
    const offenders = files
      .filter((file) => !POLICY.some((p) => file.startsWith(p)) && !(file in except))
      .flatMap((file) =>
        readFileSync(join(REPO_ROOT, file), 'utf8')
          .split('\n')
          .flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });

  it('lists only exceptions that still need it', () => {
    for (const file of Object.keys(MAY_READ_THE_FLAG)) {
      expect(RULES[0]!.pattern.test(readFileSync(join(REPO_ROOT, file), 'utf8')), file).toBe(true);
    }
  });
});
