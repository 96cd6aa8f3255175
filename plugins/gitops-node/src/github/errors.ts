import {
  AuthenticationError,
  ConflictError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';

/** What the writer reads from an Octokit RequestError: the HTTP status and GitHub's `message`. */
export function githubErrorInfo(error: unknown): {
  status?: number;
  message: string;
} {
  const e = error as { status?: unknown; response?: { data?: any } };
  const status = typeof e?.status === 'number' ? e.status : undefined;
  const data = e?.response?.data;
  // 422s put the reason in errors[].message ("A pull request already exists for …").
  const details: string[] = Array.isArray(data?.errors)
    ? data.errors
        .map((item: { message?: unknown }) => item?.message)
        .filter((text: unknown): text is string => typeof text === 'string')
    : [];
  let head = error instanceof Error ? error.message : String(error);
  if (typeof data?.message === 'string') head = data.message;
  const message = details.length > 0 ? `${head}: ${details.join('; ')}` : head;
  return { status, message };
}

export function isGithubStatus(
  error: unknown,
  status: number,
  messagePattern?: RegExp,
) {
  const info = githubErrorInfo(error);
  return (
    info.status === status &&
    (!messagePattern || messagePattern.test(info.message))
  );
}

/** A 5xx or a network failure: the write may or may not have happened. */
export function isUncertainWrite(error: unknown): boolean {
  const { status } = githubErrorInfo(error);
  return status === undefined || status >= 500;
}

/**
 * Rebuilds a GitHub failure as a Backstage error that carries only the
 * status and GitHub's message: never the request, its headers or the token.
 */
export function toSafeGithubError(error: unknown, action: string): Error {
  const { status, message } = githubErrorInfo(error);
  const text = `${action} failed: GitHub answered ${
    status ?? 'no response'
  }: ${message.slice(0, 500)}`;
  switch (status) {
    case 401:
      return new AuthenticationError(text);
    case 403:
      return new NotAllowedError(text);
    case 404:
      return new NotFoundError(text);
    case 409:
    case 422:
      return new ConflictError(text);
    default:
      return status && status >= 500
        ? new ServiceUnavailableError(text)
        : new Error(text);
  }
}
