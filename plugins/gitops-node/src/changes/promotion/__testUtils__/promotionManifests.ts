/*
 * Test helper: manifests of `web` in the pinning forms a promotion edits, shared by the planner's tests and the
 * end-to-end cases through the GitHub emulator.
 */

/** A Deployment whose `web` container runs `image` (commented, as the portal pins it) beside a proxy. */
export const webDeployment = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: ${image} # pinned by the portal
        - name: proxy
          image: ghcr.io/acme/proxy:2.0.0
`;

/** An Argo CD Application `web-<env>` deploying to namespace `web`, its source given as YAML lines under `spec` (two spaces in). */
const application = (
  env: string,
  source: string,
) => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: web-${env}
  namespace: argocd
spec:
  project: default
${source}  destination:
    server: https://kubernetes.default.svc
    namespace: web
`;

/** A chart from a Helm repository (Argo CD's documented Helm source), the version commented. */
export const helmApplication = (env: string, revision: string) =>
  application(
    env,
    `  source:
    repoURL: https://charts.acme.example
    chart: web
    targetRevision: ${revision} # chart version
    helm:
      releaseName: web
`,
  );

/** A multi-source Application: the chart, plus values from a Git repository through a `ref` source. */
export const multiSourceApplication = (env: string, revision: string) =>
  application(
    env,
    `  sources:
    - repoURL: https://charts.acme.example
      chart: web
      targetRevision: ${revision}
      helm:
        valueFiles:
          - $values/web/${env}/values.yaml
    - repoURL: https://github.com/acme/gitops-config.git
      targetRevision: main
      ref: values
`,
  );

/** Kustomize images of an Application's Git source. */
export const kustomizeApplication = (env: string, image: string) =>
  application(
    env,
    `  source:
    repoURL: https://github.com/acme/gitops-config.git
    path: apps/web/base
    targetRevision: main
    kustomize:
      images:
        - ${image}
`,
  );

/** Helm parameters of an Application's source (Argo CD's `helm.parameters`, the `--set` form), beside another one. */
export const parameterApplication = (env: string, tag: string) =>
  application(
    env,
    `  source:
    repoURL: https://github.com/acme/charts.git
    path: charts/web
    targetRevision: main
    helm:
      parameters:
        - name: image.tag
          value: "${tag}"
        - name: replicaCount
          value: "${env === 'prod' ? 3 : 1}"
`,
  );
