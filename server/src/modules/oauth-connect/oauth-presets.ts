// The provider presets of Connect: data files (presets/<key>.json, one per provider) validated
// against preset.schema.json when first read. Adding a provider is adding a file; a file that does
// not validate stops the start with its name and the failing field, instead of offering a broken
// preset. Read from the repository (REPO_ROOT), like the web app's files, so the production bundle
// finds them too.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { REPO_ROOT } from '../../repo-root.ts';

export interface OAuthPreset {
  key: string;
  name: string;
  authorizationUrl: string;
  tokenUrl: string;
  defaultScopes: string[];
  scopeSeparator: ' ' | ',';
  pkce: boolean;
  tokenAuthMethod: 'client_secret_post' | 'client_secret_basic';
  tokenPlacement: 'authorization_bearer';
  extraAuthorizeParams?: Record<string, string>;
  refresh: {
    refreshTokens: 'always' | 'with_scope' | 'optional' | 'never';
    rotating: boolean;
    accessTokenLifetimeSeconds: number | null;
    notes?: string;
  };
  documentationUrl: string;
  notes?: string;
}

export const PRESET_DIR = join(REPO_ROOT, 'server/src/modules/oauth-connect/presets');
const PRESET_SCHEMA_FILE = join(REPO_ROOT, 'server/src/modules/oauth-connect/preset.schema.json');

/** The preset files' problems, by file name: empty when every file validates. */
export function presetProblems(dir = PRESET_DIR): { file: string; problem: string }[] {
  const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(PRESET_SCHEMA_FILE, 'utf8')));
  const problems: { file: string; problem: string }[] = [];
  for (const file of presetFiles(dir)) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      problems.push({ file, problem: `not JSON: ${(error as Error).message}` });
      continue;
    }
    if (!validate(data)) {
      for (const e of validate.errors ?? []) problems.push({ file, problem: `${e.instancePath || '/'} ${e.message}` });
      continue;
    }
    if ((data as OAuthPreset).key !== file.replace(/\.json$/, ''))
      problems.push({ file, problem: '/key must be the file name without .json' });
  }
  return problems;
}

function presetFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

let cached: readonly OAuthPreset[] | undefined;

/** Every preset, by name. Throws (naming the file) when one does not validate. */
export function oauthPresets(): readonly OAuthPreset[] {
  if (cached) return cached;
  const problems = presetProblems();
  if (problems.length > 0)
    throw new Error(`Invalid OAuth provider presets: ${problems.map((p) => `${p.file} ${p.problem}`).join('; ')}`);
  cached = presetFiles(PRESET_DIR)
    .map((f) => JSON.parse(readFileSync(join(PRESET_DIR, f), 'utf8')) as OAuthPreset)
    .sort((a, b) => a.name.localeCompare(b.name));
  return cached;
}

export function findPreset(key: string): OAuthPreset | undefined {
  return oauthPresets().find((p) => p.key === key);
}
