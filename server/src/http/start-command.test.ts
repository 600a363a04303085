// `pnpm start`'s command, as the bench and the process test read it (scripts/start-command.mjs):
// the heap is sized by TESSERA_MAX_HEAP_MB (default 192 MB), and glibc's malloc keeps two arenas
// (the worker threads' own arenas held about 80 MB an idle server did not use).
import { describe, expect, it } from 'vitest';
import { startCommand } from '../../../scripts/start-command.mjs';

describe("pnpm start's command", () => {
  it('sizes the heap to 192 MB with an 8 MB young generation, and limits malloc to two arenas', () => {
    const start = startCommand({});
    expect(start.script).toBe('server/dist/main.mjs');
    expect(start.nodeOptions).toEqual(
      expect.arrayContaining(['--max-old-space-size=192', '--max-semi-space-size=8', '--enable-source-maps']),
    );
    expect(start.env).toEqual({ MALLOC_ARENA_MAX: '2' });
  });

  it('takes the heap size from TESSERA_MAX_HEAP_MB when it is set', () => {
    expect(startCommand({ TESSERA_MAX_HEAP_MB: '512' }).nodeOptions).toContain('--max-old-space-size=512');
    expect(startCommand({ TESSERA_MAX_HEAP_MB: '' }).nodeOptions).toContain('--max-old-space-size=192');
  });
});
