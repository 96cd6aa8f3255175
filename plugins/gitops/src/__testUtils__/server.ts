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

/** Every entity tab asks for its promotion pipeline: no environment unless a test serves some. */
const noPipeline = http.get(
  `${BASE_URL}/entities/:kind/:namespace/:name/pipeline`,
  ({ params }) =>
    HttpResponse.json({
      entityRef: `${params.kind}:${params.namespace}/${params.name}`,
      environments: [],
      gaps: [],
    }),
);

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

/** One msw server per test file; unhandled requests fail the test. */
export function setupGitopsServer() {
  const server = setupServer(noDeliveries, noPipeline, ...noDeliveryMetrics);
  registerMswTestHooks(server);
  return {
    server,
    /** Serves `body` (or a function of the request count) on GET `path`. */
    serve(path: string, body: JsonBodyType | (() => JsonBodyType)) {
      const requests: URL[] = [];
      server.use(
        http.get(`${BASE_URL}${path}`, ({ request }) => {
          requests.push(new URL(request.url));
          return HttpResponse.json(typeof body === 'function' ? body() : body);
        }),
      );
      return requests;
    },
    /** Answers GET `path` with a Backstage error body and `status`. */
    fail(path: string, status: number, message: string) {
      server.use(
        http.get(`${BASE_URL}${path}`, () =>
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
        ),
      );
    },
  };
}
