import { setupServer } from 'msw/node';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { registerMswTestHooks } from '@backstage/test-utils';
import { deliveryMetrics } from './deliveryMetrics';
import { BASE_URL } from './fixtures';

/** Every entity tab asks for its delivery timeline: none unless a test serves some. */
const noDeliveries = http.get(
  `${BASE_URL}/entities/:kind/:namespace/:name/deliveries`,
  ({ params }) =>
    HttpResponse.json({
      entityRef: `${params.kind}:${params.namespace}/${params.name}`,
      items: [],
    }),
);

/** An entity's promotion pipeline with no environment: what the tab shows unless a test serves one. */
const emptyPipeline = (kind: string, namespace: string, name: string) =>
  HttpResponse.json({
    entityRef: `${kind}:${namespace}/${name}`,
    environments: [],
    gaps: [],
  });

/** Entity tabs and team pages ask for delivery metrics: none unless a test serves some. */
const noDeliveryMetrics = [
  http.get(
    `${BASE_URL}/entities/:kind/:namespace/:name/delivery-metrics`,
    ({ params }) =>
      HttpResponse.json(
        deliveryMetrics({
          kind: 'entity',
          ref: `${params.kind}:${params.namespace}/${params.name}`,
        }),
      ),
  ),
  http.get(
    `${BASE_URL}/teams/:namespace/:name/delivery-metrics`,
    ({ params }) =>
      HttpResponse.json(
        deliveryMetrics({
          kind: 'team',
          ref: `group:${params.namespace}/${params.name}`,
        }),
      ),
  ),
];

/**
 * Every view that listens for signals asks for an echo: accepted, but never sent back (the views' tests push their
 * signals themselves; the hub's own tests decide when an echo comes back).
 */
const echoAccepted = http.post(`${BASE_URL}/signals/echo`, () =>
  HttpResponse.json({}, { status: 202 }),
);

/** What a test serves on a path: a response per request. */
type Answer = (request: Request) => Response | Promise<Response>;

/** One msw server per test file; unhandled requests fail the test. */
export function setupGitopsServer() {
  // What the test serves per path, so that GET …/tab answers what the backend would: that entity's status and
  // pipeline answers in one body (or the first of them that failed).
  const answers = new Map<string, Answer>();
  const answerOf = (path: string): Answer | undefined => {
    const [, , kind, namespace, name, part] = path.split('/');
    return (
      answers.get(path) ??
      (part === 'pipeline'
        ? () => emptyPipeline(kind, namespace, name)
        : undefined)
    );
  };
  const tab = http.get(
    `${BASE_URL}/entities/:kind/:namespace/:name/tab`,
    async ({ request }) => {
      const base = new URL(request.url).pathname
        .slice(new URL(BASE_URL).pathname.length)
        .replace(/\/tab$/, '');
      const parts = await Promise.all(
        ['status', 'pipeline'].map(async part => {
          const answer = answerOf(`${base}/${part}`);
          return answer
            ? answer(new Request(`${BASE_URL}${base}/${part}`))
            : HttpResponse.json(
                { error: { name: 'Error', message: `no ${part} served` } },
                { status: 500 },
              );
        }),
      );
      const failed = parts.find(part => !part.ok);
      if (failed) return failed;
      const [status, pipeline] = await Promise.all(
        parts.map(part => part.json()),
      );
      return HttpResponse.json({ status, pipeline });
    },
  );
  const server = setupServer(
    tab,
    noDeliveries,
    echoAccepted,
    ...noDeliveryMetrics,
  );
  registerMswTestHooks(server);
  afterEach(() => answers.clear());
  const answerWith = (path: string, answer: Answer) => {
    answers.set(path, answer);
    server.use(
      http.get(`${BASE_URL}${path}`, ({ request }) => answer(request)),
    );
  };
  return {
    server,
    /** Answers GET `path` with `answer` (also inside GET …/tab when `path` is an entity's status or pipeline). */
    answer: answerWith,
    /** Serves `body` (or a function of the request count) on GET `path`. */
    serve(path: string, body: JsonBodyType | (() => JsonBodyType)) {
      const requests: URL[] = [];
      answerWith(path, request => {
        requests.push(new URL(request.url));
        return HttpResponse.json(typeof body === 'function' ? body() : body);
      });
      return requests;
    },
    /** Answers GET `path` with a Backstage error body and `status`. */
    fail(path: string, status: number, message: string) {
      answerWith(path, () =>
        HttpResponse.json(
          {
            error: {
              name: status === 404 ? 'NotFoundError' : 'Error',
              message,
            },
            request: { method: 'GET', url: path },
            response: { statusCode: status },
          },
          { status },
        ),
      );
    },
  };
}
