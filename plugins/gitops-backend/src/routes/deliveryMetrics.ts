import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  deliveryMetricsQuerySchema,
  DeliveryMetricsResponse,
  KUBERNETES_ID_LABEL,
} from '@gitops-portal/plugin-gitops-common';
import { Response } from 'express';
import Router from 'express-promise-router';
import { deliveryMetricsCsv } from '../services/DeliveryMetrics';
import { parse, serviceSchema, teamParamsSchema } from './parse';
import { RouteContext } from './types';

/** JSON, or with `?format=csv` the series as a CSV download. */
function send(res: Response, body: DeliveryMetricsResponse, csv: boolean) {
  if (!csv) {
    res.json(body);
    return;
  }
  const name = body.subject.ref.replace(/[^a-zA-Z0-9-]+/g, '_');
  res
    .type('text/csv; charset=utf-8')
    .attachment(`delivery-metrics-${name}-${body.window.days}d.csv`)
    .send(deliveryMetricsCsv(body));
}

/**
 * `GET /entities/:kind/:namespace/:name/delivery-metrics` and `GET /teams/:namespace/:name/delivery-metrics`:
 * deployment frequency, lead time, change failure rate and time to restore over 30 or 90 days. An entity needs
 * `gitops.status.read`; a team's metrics count only the entities the caller may read.
 */
export function deliveryMetricsRoutes({
  deliveryMetrics,
  entityFromRequest,
  knownEnvironment,
  statusStore,
  guard,
  catalog,
  httpAuth,
}: RouteContext) {
  const router = Router();

  router.get(
    '/entities/:kind/:namespace/:name/delivery-metrics',
    async (req, res) => {
      const { format, ...query } = parse(deliveryMetricsQuerySchema, req.query);
      if (query.environment) knownEnvironment('environment', query.environment);
      const { entityRef, service } = await entityFromRequest(req, {
        service: true,
      });
      const body = await deliveryMetrics.metrics({
        subject: { kind: 'entity', ref: entityRef },
        entities: [{ entityRef, service }],
        query,
      });
      send(res, body, format === 'csv');
    },
  );

  router.get('/teams/:namespace/:name/delivery-metrics', async (req, res) => {
    const params = parse(teamParamsSchema, req.params);
    const { format, ...query } = parse(deliveryMetricsQuerySchema, req.query);
    if (query.environment) knownEnvironment('environment', query.environment);
    const team = stringifyEntityRef({ kind: 'group', ...params });
    const credentials = await httpAuth.credentials(req);
    if (
      !statusStore.hasTeam(team) &&
      !(await catalog.getEntityByRef(team, { credentials }))
    ) {
      throw new NotFoundError(`No team ${team}`);
    }
    const allowed = await guard.filterAuthorized(
      req,
      statusStore.teamEntities(team),
    );
    // The service names the config repo knows the entities by, as the caller sees them in the catalog.
    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs: [...allowed],
        fields: [
          'kind',
          'metadata.namespace',
          'metadata.name',
          'metadata.annotations',
        ],
      },
      { credentials },
    );
    const entities = items.flatMap(entity => {
      if (!entity) return [];
      const service = serviceSchema.safeParse({
        service:
          entity.metadata.annotations?.[KUBERNETES_ID_LABEL] ??
          entity.metadata.name,
      });
      return service.success
        ? [
            {
              entityRef: stringifyEntityRef(entity),
              service: service.data.service,
            },
          ]
        : [];
    });
    const body = await deliveryMetrics.metrics({
      subject: { kind: 'team', ref: team },
      entities,
      query,
    });
    send(res, body, format === 'csv');
  });

  return router;
}
