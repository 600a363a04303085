// The errors every layer throws: one code per kind (the API contract's), one small class per code,
// each carrying what the client may see (a message, and a field, retry delay or upstream status).
// They are GraphQLErrors so that a GraphQL answer carries them as they are; graphql/errors.ts
// decides at the edge which errors reach a client and masks every other one. Nothing here may
// carry a secret, SQL, a stack trace or an upstream body.
import { GraphQLError } from 'graphql';

export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  UPSTREAM_ERROR = 'UPSTREAM_ERROR',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'You are not signed in, or your session has expired.') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You do not have permission to do this.') {
    super(ErrorCode.FORBIDDEN, message);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super(ErrorCode.NOT_FOUND, `${what} not found.`);
  }
}

export class BadInputError extends AppError {
  constructor(message: string, field?: string) {
    super(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
  }
}

export class ConflictError extends AppError {
  constructor(message: string, field?: string) {
    super(ErrorCode.CONFLICT, message, field ? { field } : {});
  }
}

export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number, message = 'Too many requests. Try again later.') {
    super(ErrorCode.RATE_LIMITED, message, { retryAfterSeconds });
  }
}

/** The company's API failed or refused: its status, and a message that never quotes its body. */
export class UpstreamError extends AppError {
  constructor(message: string, extensions: { upstreamStatus?: number | null; reason?: string } = {}) {
    super(ErrorCode.UPSTREAM_ERROR, message, extensions);
  }
}
