// The preset catalogue is data: every file must validate against preset.schema.json, and the
// issue's providers must all be there. A broken file is named with its failing field.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oauthPresets, PRESET_DIR, presetProblems } from './oauth-presets.ts';

describe('OAuth provider presets', () => {
  it('every preset file validates against the JSON Schema', () => {
    expect(presetProblems()).toEqual([]);
  });

  it('covers the providers of issue 19, with https URLs and a documentation link each', () => {
    const keys = oauthPresets().map((p) => p.key);
    for (const key of [
      'salesforce',
      'hubspot',
      'github',
      'gitlab',
      'google',
      'microsoft',
      'slack',
      'atlassian',
      'xero',
      'quickbooks',
    ])
      expect(keys).toContain(key);
    for (const preset of oauthPresets()) {
      expect(new URL(preset.authorizationUrl).protocol).toBe('https:');
      expect(new URL(preset.tokenUrl).protocol).toBe('https:');
      expect(new URL(preset.documentationUrl).protocol).toBe('https:');
    }
  });

  it('names the file and field of a preset that does not validate', () => {
    const dir = mkdtempSync(join(tmpdir(), 'presets-'));
    const good = JSON.parse(readFileSync(join(PRESET_DIR, 'gitlab.json'), 'utf8'));
    writeFileSync(join(dir, 'gitlab.json'), JSON.stringify(good));
    writeFileSync(
      join(dir, 'broken.json'),
      JSON.stringify({ ...good, key: 'broken', tokenUrl: 'http://insecure.example/token' }),
    );
    writeFileSync(join(dir, 'renamed.json'), JSON.stringify({ ...good, key: 'other' }));
    writeFileSync(join(dir, 'extra.json'), JSON.stringify({ ...good, key: 'extra', surprise: true }));
    const problems = presetProblems(dir);
    expect(problems.map((p) => p.file).sort()).toEqual(['broken.json', 'extra.json', 'renamed.json']);
    expect(problems.find((p) => p.file === 'broken.json')?.problem).toContain('/tokenUrl');
  });
});
