/** A Kubernetes `Status` object, the body of every error kube-apiserver returns. */
export interface KubeStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, unknown>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: Record<string, unknown>;
  code: number;
}

/** Thrown by the store and handlers; the HTTP layer turns it into a Status response. */
export class ApiError extends Error {
  readonly status: KubeStatus;
  readonly headers: Record<string, string>;

  constructor(
    code: number,
    reason: string,
    message: string,
    details?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.headers = headers;
    this.status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason,
      ...(details ? { details } : {}),
      code,
    };
  }
}

/** Identifies an object in messages the way the real server does: `applications.argoproj.io "x"`. */
export interface ErrorSubject {
  group: string;
  plural: string;
  name?: string;
}

function qualified(s: ErrorSubject): string {
  return s.group ? `${s.plural}.${s.group}` : s.plural;
}

function detailsOf(s: ErrorSubject): Record<string, unknown> {
  return {
    ...(s.name !== undefined ? { name: s.name } : {}),
    ...(s.group ? { group: s.group } : {}),
    kind: s.plural,
  };
}

export const errors = {
  notFound: (s: ErrorSubject) =>
    new ApiError(
      404,
      'NotFound',
      `${qualified(s)} "${s.name}" not found`,
      detailsOf(s),
    ),
  unknownPath: () =>
    new ApiError(
      404,
      'NotFound',
      'the server could not find the requested resource',
      {},
    ),
  alreadyExists: (s: ErrorSubject) =>
    new ApiError(
      409,
      'AlreadyExists',
      `${qualified(s)} "${s.name}" already exists`,
      detailsOf(s),
    ),
  conflict: (s: ErrorSubject) =>
    new ApiError(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${qualified(s)} "${
        s.name
      }": the object has been modified; please apply your changes to the latest version and try again`,
      detailsOf(s),
    ),
  invalid: (kind: string, group: string, name: string, message: string) =>
    new ApiError(
      422,
      'Invalid',
      `${kind}${group ? `.${group}` : ''} "${name}" is invalid: ${message}`,
      { name, group, kind, causes: [{ reason: 'FieldValueInvalid', message }] },
    ),
  badRequest: (message: string) => new ApiError(400, 'BadRequest', message),
  methodNotAllowed: () =>
    new ApiError(
      405,
      'MethodNotAllowed',
      'the server does not allow this method on the requested resource',
      {},
    ),
  unsupportedMediaType: (contentType: string) =>
    new ApiError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json (got ${contentType})`,
    ),
  unauthorized: () => new ApiError(401, 'Unauthorized', 'Unauthorized'),
  expired: (message: string) => new ApiError(410, 'Expired', message),
  internal: (message: string) =>
    new ApiError(500, 'InternalError', `Internal error occurred: ${message}`, {
      causes: [{ message }],
    }),
};
