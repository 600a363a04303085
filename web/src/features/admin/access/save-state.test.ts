import { describe, expect, it } from 'vitest';
import { IDLE, reduceRow, shownLevel, statusText, type RowEvent, type RowSave } from './save-state.ts';

const run = (...events: RowEvent[]): RowSave => events.reduce(reduceRow, IDLE);

describe('one row of the access table', () => {
  it('shows the choice at once, "Saving…", then "Saved" with the new level', () => {
    const saving = run({ type: 'start', level: 'READ', seq: 1 });
    expect(shownLevel(saving, 'NONE')).toBe('READ');
    expect(statusText(saving)).toBe('Saving…');
    const saved = reduceRow(saving, { type: 'done', level: 'READ', seq: 1 });
    expect(shownLevel(saved, 'NONE')).toBe('READ');
    expect(statusText(saved)).toBe('Saved');
  });

  it('goes back to the level it had when saving fails, and says why', () => {
    const failed = run({ type: 'start', level: 'WRITE', seq: 1 }, { type: 'fail', message: 'Role not found.', seq: 1 });
    expect(shownLevel(failed, 'READ')).toBe('READ');
    expect(statusText(failed)).toBe('Not saved: Role not found.');
  });

  it('after an earlier success, a failure goes back to that saved level, not the loaded one', () => {
    const row = run(
      { type: 'start', level: 'READ', seq: 1 },
      { type: 'done', level: 'READ', seq: 1 },
      { type: 'start', level: 'WRITE', seq: 2 },
      { type: 'fail', message: 'Could not reach the server.', seq: 2 },
    );
    expect(shownLevel(row, 'NONE')).toBe('READ');
    expect(row.status).toBe('error');
  });

  it('quick changes: only the latest request ends the "Saving…"', () => {
    let row = run({ type: 'start', level: 'READ', seq: 1 }, { type: 'start', level: 'WRITE', seq: 2 });
    row = reduceRow(row, { type: 'done', level: 'READ', seq: 1 });
    expect(statusText(row)).toBe('Saving…');
    expect(shownLevel(row, 'NONE')).toBe('WRITE');
    row = reduceRow(row, { type: 'fail', message: 'x', seq: 1 });
    expect(row.status).toBe('saving');
    row = reduceRow(row, { type: 'done', level: 'WRITE', seq: 2 });
    expect(statusText(row)).toBe('Saved');
    expect(shownLevel(row, 'NONE')).toBe('WRITE');
  });

  it('says nothing before any change', () => {
    expect(statusText(IDLE)).toBe('');
    expect(shownLevel(IDLE, 'WRITE')).toBe('WRITE');
  });
});
