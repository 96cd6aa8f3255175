import { CanaryStep, NewServiceManifestOptions } from './types';

/** 20% → 50% → 100%, a minute apart: small enough to notice a bad version early. */
export const DEFAULT_CANARY_STEPS: CanaryStep[] = [
  { setWeight: 20, pauseSeconds: 60 },
  { setWeight: 50, pauseSeconds: 60 },
];

const DEFAULT_SUCCESS_RATE = 0.95;

export const analysisName = (service: string) => `${service}-success-rate`;

/**
 * The share of non-5xx HTTP requests of the service over two minutes. The
 * service name is written in (not a `{{args.x}}` argument) so the config repo
 * holds no template expressions.
 */
function successRateQuery(service: string): string {
  const selector = `service="${service}"`;
  return `sum(rate(http_requests_total{${selector},code!~"5.."}[2m])) / sum(rate(http_requests_total{${selector}}[2m]))`;
}

function threshold(options: NewServiceManifestOptions): number {
  return (
    options.progressiveDelivery?.analysis?.successRateThreshold ??
    DEFAULT_SUCCESS_RATE
  );
}

/** `spec.strategy` of an Argo Rollouts `Rollout`: canary steps and, with analysis, a background analysis. */
export function rolloutStrategy(options: NewServiceManifestOptions) {
  const delivery = options.progressiveDelivery!;
  const steps = (delivery.steps ?? DEFAULT_CANARY_STEPS).flatMap(step => [
    { setWeight: step.setWeight },
    // A pause without a duration waits for `kubectl argo rollouts promote`.
    {
      pause:
        step.pauseSeconds === undefined
          ? {}
          : { duration: `${step.pauseSeconds}s` },
    },
  ]);
  return {
    canary: {
      steps,
      ...(delivery.analysis
        ? {
            analysis: {
              templates: [{ templateName: analysisName(options.name) }],
              startingStep: 1,
            },
          }
        : {}),
    },
  };
}

/** The Argo Rollouts `AnalysisTemplate` that fails the canary below the success-rate threshold. */
export function analysisTemplate(options: NewServiceManifestOptions) {
  const analysis = options.progressiveDelivery!.analysis!;
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisTemplate',
    metadata: { name: analysisName(options.name) },
    spec: {
      metrics: [
        {
          name: 'success-rate',
          interval: '1m',
          failureLimit: 2,
          successCondition: `result[0] >= ${threshold(options)}`,
          provider: {
            prometheus: {
              address: analysis.prometheusAddress,
              query: successRateQuery(options.name),
            },
          },
        },
      ],
    },
  };
}

/** A Flagger `Canary` for the Deployment; Flagger creates the `<svc>`, `<svc>-primary` and `<svc>-canary` Services. */
export function flaggerCanary(options: NewServiceManifestOptions) {
  const delivery = options.progressiveDelivery!;
  const steps = delivery.steps ?? DEFAULT_CANARY_STEPS;
  const interval = Math.max(...steps.map(s => s.pauseSeconds ?? 60));
  const metric = delivery.analysis
    ? {
        name: 'success-rate',
        templateRef: { name: analysisName(options.name) },
        thresholdRange: { min: Math.round(threshold(options) * 100) / 100 },
        interval: '1m',
      }
    : {
        name: 'request-success-rate',
        thresholdRange: { min: Math.round(threshold(options) * 100) },
        interval: '1m',
      };
  return {
    apiVersion: 'flagger.app/v1beta1',
    kind: 'Canary',
    metadata: { name: options.name },
    spec: {
      targetRef: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: options.name,
      },
      ...(options.hpa
        ? {
            autoscalerRef: {
              apiVersion: 'autoscaling/v2',
              kind: 'HorizontalPodAutoscaler',
              name: options.name,
            },
          }
        : {}),
      service: { port: 80, targetPort: options.port ?? 8080 },
      analysis: {
        interval: `${interval}s`,
        threshold: 5,
        // Flagger promotes after the last step; 100 is implied.
        stepWeights: steps.map(s => s.setWeight).filter(w => w < 100),
        metrics: [metric],
      },
    },
  };
}

/** The Flagger `MetricTemplate` querying Prometheus at the given address. */
export function flaggerMetricTemplate(options: NewServiceManifestOptions) {
  const analysis = options.progressiveDelivery!.analysis!;
  return {
    apiVersion: 'flagger.app/v1beta1',
    kind: 'MetricTemplate',
    metadata: { name: analysisName(options.name) },
    spec: {
      provider: { type: 'prometheus', address: analysis.prometheusAddress },
      query: successRateQuery(options.name),
    },
  };
}
