import type { DomainError, ErrorCode } from '@merit/shared/errors';
import { TRPCError } from '@trpc/server';

type TRPCCode = ConstructorParameters<typeof TRPCError>[0]['code'];

/** The one place a domain error code becomes an HTTP-level tRPC code. */
const TO_TRPC: Record<ErrorCode, TRPCCode> = {
  VALIDATION: 'BAD_REQUEST',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  DELETED: 'CONFLICT',
  LOCKED: 'CONFLICT',
  DEADLINE_PASSED: 'CONFLICT',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  UNKNOWN_MUTATION: 'BAD_REQUEST',
  UPDATE_REQUIRED: 'PRECONDITION_FAILED',
  FAILED: 'INTERNAL_SERVER_ERROR',
  NOT_SENT: 'BAD_REQUEST',
};

export class DomainTRPCError extends TRPCError {
  readonly domain: DomainError;
  constructor(domain: DomainError) {
    super({ code: TO_TRPC[domain.code], message: domain.message });
    this.domain = domain;
  }
}

export function domainError(code: ErrorCode, message: string, field?: string): DomainTRPCError {
  return new DomainTRPCError(field === undefined ? { code, message } : { code, message, field });
}
