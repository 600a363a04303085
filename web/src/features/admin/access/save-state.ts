// The save state of one endpoint's control. A change shows at once (wanted), is sent, and on
// success becomes the saved level; on failure the control returns to the last saved level.
// Requests of one row are sent one after another; `seq` makes only the latest one speak.
import type { Level } from './access-levels.ts';

type RowStatus = 'idle' | 'saving' | 'saved' | 'error';

export interface RowSave {
  /** The level being saved right now, shown while the request runs. */
  wanted: Level | null;
  /** The last level the server confirmed in this session (null: the loaded value stands). */
  saved: Level | null;
  status: RowStatus;
  message: string | null;
  seq: number;
}

export type RowEvent =
  | { type: 'start'; level: Level; seq: number }
  | { type: 'done'; level: Level; seq: number }
  | { type: 'fail'; message: string; seq: number };

export const IDLE: RowSave = { wanted: null, saved: null, status: 'idle', message: null, seq: 0 };

export function reduceRow(row: RowSave, event: RowEvent): RowSave {
  switch (event.type) {
    case 'start':
      return { ...row, wanted: event.level, status: 'saving', message: null, seq: event.seq };
    case 'done':
      // An older request that succeeded still moves the saved level; only the latest ends "Saving…".
      if (event.seq !== row.seq) return { ...row, saved: event.level };
      return { ...row, wanted: null, saved: event.level, status: 'saved', message: null };
    case 'fail':
      if (event.seq !== row.seq) return row;
      return { ...row, wanted: null, status: 'error', message: event.message };
  }
}

/** What the control shows: the pending choice, else the last save, else what was loaded. */
export function shownLevel(row: RowSave, loaded: Level): Level {
  return row.wanted ?? row.saved ?? loaded;
}

export function statusText(row: RowSave): string {
  switch (row.status) {
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved';
    case 'error':
      return `Not saved: ${row.message ?? 'something went wrong.'}`;
    default:
      return '';
  }
}
