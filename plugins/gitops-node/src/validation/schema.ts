import { z } from 'zod';
import { objectId } from './objects';
import { ManifestObject } from './types';

const container = z.object({
  name: z.string().min(1),
  image: z.string().min(1),
  ports: z.array(z.object({ containerPort: z.number().int() })).optional(),
  resources: z
    .object({
      limits: z
        .record(z.string(), z.union([z.string(), z.number()]))
        .optional(),
      requests: z
        .record(z.string(), z.union([z.string(), z.number()]))
        .optional(),
    })
    .optional(),
});

const podSpec = z.object({
  containers: z.array(container).min(1),
  initContainers: z.array(container).optional(),
});

const podTemplate = z.object({ spec: podSpec });

const base = z.object({
  apiVersion: z.string().min(1),
  kind: z.string().min(1),
  metadata: z.object({
    name: z.string().min(1),
    namespace: z.string().min(1).optional(),
    labels: z.record(z.string(), z.string()).optional(),
    annotations: z.record(z.string(), z.string()).optional(),
  }),
});

const workload = z.object({
  spec: z.object({
    replicas: z.number().int().min(0).optional(),
    template: podTemplate,
  }),
});

/** Basic field types of the kinds the config repo holds; other kinds only get the base check. */
const KNOWN_KINDS: Record<string, z.ZodType> = {
  Deployment: workload,
  StatefulSet: workload,
  DaemonSet: workload,
  ReplicaSet: workload,
  Job: workload,
  // A Rollout may reference a Deployment (`workloadRef`) instead of carrying a template.
  Rollout: z.object({
    spec: z.object({
      replicas: z.number().int().min(0).optional(),
      template: podTemplate.optional(),
    }),
  }),
  Pod: z.object({ spec: podSpec }),
  CronJob: z.object({
    spec: z.object({
      schedule: z.string().min(1),
      jobTemplate: z.object({ spec: z.object({ template: podTemplate }) }),
    }),
  }),
  Service: z.object({
    spec: z.object({
      ports: z
        .array(
          z.object({
            port: z.number().int(),
            targetPort: z.union([z.number().int(), z.string()]).optional(),
          }),
        )
        .optional(),
    }),
  }),
  ConfigMap: z.object({ data: z.record(z.string(), z.string()).optional() }),
  HorizontalPodAutoscaler: z.object({
    spec: z.object({
      scaleTargetRef: z.object({ kind: z.string(), name: z.string() }),
      maxReplicas: z.number().int().min(1),
      minReplicas: z.number().int().min(1).optional(),
    }),
  }),
};

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue.path.length > 0 ? issue.path.join('.') : '(root)';
  return `${where}: ${issue.message}`;
}

/** Returns why an object does not have the shape of a Kubernetes object of its kind, or undefined when it does. */
export function schemaProblem(object: ManifestObject): string | undefined {
  const baseCheck = base.safeParse(object);
  if (!baseCheck.success) return describe(baseCheck.error);
  const kindSchema = KNOWN_KINDS[object.kind];
  if (!kindSchema) return undefined;
  const check = kindSchema.safeParse(object);
  return check.success
    ? undefined
    : `${objectId(object)} ${describe(check.error)}`;
}
