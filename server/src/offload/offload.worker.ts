// The offload worker's entry: one task at a time from the main thread (offload.ts), answered
// with its result or its error. It runs as TypeScript under tsx (tests, `pnpm dev`) and as
// server/dist/offload-worker.mjs in the bundle (scripts/build-server.mjs).
import { parentPort, threadId } from 'node:worker_threads';
import { AppError } from '../lib/errors.ts';
import { TASKS, type TaskName } from './offload.tasks.ts';

export interface TaskRequest {
  id: number;
  task: TaskName;
  input: unknown;
}

export type TaskReply =
  | { id: number; ok: true; value: unknown; threadId: number }
  | { id: number; ok: false; error: { code?: string; message: string; field?: string }; threadId: number };

parentPort!.on('message', async (request: TaskRequest) => {
  let reply: TaskReply;
  try {
    // A task may be asynchronous (a widget's expression): its promise is settled here, in the worker.
    const value = await (TASKS[request.task] as (input: unknown) => unknown)(request.input);
    reply = { id: request.id, ok: true, value, threadId };
  } catch (error) {
    // A typed error keeps its code and message; anything else is reported without details (masked as internal by the caller).
    const typed = error instanceof AppError;
    reply = {
      id: request.id,
      ok: false,
      error: typed
        ? { code: error.code, message: error.message, field: error.extensions.field as string | undefined }
        : { message: String((error as Error)?.message ?? error).slice(0, 500) },
      threadId,
    };
  }
  parentPort!.postMessage(reply);
});

// Listening: the main thread starts a task's clock from here, not while the worker was booting.
parentPort!.postMessage({ ready: true });
