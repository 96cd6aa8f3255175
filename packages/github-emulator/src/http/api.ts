import { IncomingHttpHeaders } from 'node:http';
import type { Actor } from './actor';

export const DOCUMENTATION_URL = 'https://docs.github.com/rest';

/** An error answered with GitHub's error JSON: `{message, documentation_url, ...extra}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function notFound(message = 'Not Found'): ApiError {
  return new ApiError(404, message);
}

/** GitHub's 422 "Validation Failed" with an `errors` array. */
export function validationFailed(
  errors: Array<Record<string, unknown>>,
  message = 'Validation Failed',
): ApiError {
  return new ApiError(422, message, { errors });
}

/** GitHub's 422 for a body that misses a required field. */
export function missingField(field: string): ApiError {
  return new ApiError(422, `Invalid request.\n\n"${field}" wasn't supplied.`);
}

function wrongType(field: string, value: unknown, type: string): ApiError {
  return new ApiError(
    422,
    `Invalid request.\n\nFor 'properties/${field}', ${JSON.stringify(
      value,
    )} is not a ${type}.`,
  );
}

export interface ApiRequest {
  method: string;
  /** Decoded path without the /api/v3 prefix. */
  path: string;
  /** Path and query as received, for building pagination links. */
  rawUrl: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body (undefined when there is none). */
  body: unknown;
  /** Who sent it (the emulator's user for control requests). */
  actor: Actor;
}

export interface ApiResponse {
  status: number;
  /** Serialized as JSON unless it is a Buffer (sent as is). */
  body?: unknown;
  headers?: Record<string, string>;
}

export type ApiHandler = (request: ApiRequest) => Promise<ApiResponse>;

export function ok(body: unknown, status = 200): ApiResponse {
  return { status, body };
}

export const noContent: ApiResponse = { status: 204 };

/** The request body as an object (an absent body is an empty object). */
export function bodyObject(request: ApiRequest): Record<string, unknown> {
  const body = request.body ?? {};
  if (typeof body !== 'object' || Array.isArray(body) || body === null) {
    throw new ApiError(400, 'Problems parsing JSON');
  }
  return body as Record<string, unknown>;
}

export function optionalString(
  body: Record<string, unknown>,
  field: string,
): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw wrongType(field, value, 'string');
  return value;
}

export function requiredString(
  body: Record<string, unknown>,
  field: string,
): string {
  const value = optionalString(body, field);
  if (value === undefined) throw missingField(field);
  return value;
}

export function optionalBoolean(
  body: Record<string, unknown>,
  field: string,
): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw wrongType(field, value, 'boolean');
  return value;
}

export function optionalStringArray(
  body: Record<string, unknown>,
  field: string,
): string[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some(item => typeof item !== 'string')) {
    throw wrongType(field, value, 'array of strings');
  }
  return value as string[];
}
