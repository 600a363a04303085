// The "Response fields" editor's pure parts: the textarea's lines ⇄ a rule's paths, and the
// sentence that sums a rule up. The server checks the paths (gateway/field-filter.ts).

export type FieldRuleMode = 'ALLOW' | 'REMOVE';

export const MODE_LABEL: Record<FieldRuleMode, string> = {
  REMOVE: 'Hide these fields',
  ALLOW: 'Show only these fields',
};

/** One path per line; blank lines and surrounding spaces do not count. */
export function pathsFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function textFromPaths(paths: readonly string[]): string {
  return paths.join('\n');
}

export function ruleSummary(mode: FieldRuleMode, paths: readonly string[]): string {
  const list = paths.join(', ');
  return mode === 'REMOVE' ? `Hides ${list}` : `Shows only ${list}`;
}
