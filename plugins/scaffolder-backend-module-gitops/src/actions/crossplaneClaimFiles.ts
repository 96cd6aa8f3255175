import { InputError } from '@backstage/errors';
import {
  KUBERNETES_ID_LABEL,
  type Xrd,
} from '@gitops-portal/plugin-gitops-common';
import {
  ConfigRepoChange,
  ConfigRepoReader,
  kustomizationResourceEdit,
} from '@gitops-portal/plugin-gitops-node';
import yaml from 'yaml';
import { checkJsonSchema, JsonSchema } from './jsonSchemaSubset';

export interface ClaimRequest {
  service: string;
  name: string;
  xrd: Xrd;
  version?: string;
  parameters: Record<string, unknown>;
  connectionSecretName?: string;
}

/** The XRD version to write: the one asked for, else the referenceable (storage) one, else the first served. */
function pickVersion(xrd: Xrd, wanted?: string) {
  const served = xrd.versions.filter(v => v.served);
  const version = wanted
    ? served.find(v => v.name === wanted)
    : served.find(v => v.referenceable) ?? served[0];
  if (!version) {
    throw new InputError(
      `${xrd.name} serves no version ${wanted ?? ''}`.trim(),
    );
  }
  return version;
}

/** The claim manifest; its `parameters` are checked against the XRD's `spec.parameters` schema. */
export function claimManifest(request: ClaimRequest): string {
  const { xrd } = request;
  if (!xrd.claimKind) {
    throw new InputError(`${xrd.name} offers no claim (it has no claimNames)`);
  }
  const version = pickVersion(xrd, request.version);
  const spec = (version.schema as JsonSchema).properties?.spec;
  const schema = spec?.properties?.parameters;
  if (!schema) {
    throw new InputError(
      `${xrd.name} ${version.name} has no spec.parameters schema`,
    );
  }
  const problems = checkJsonSchema(request.parameters, schema, 'parameters');
  if (problems.length > 0) {
    throw new InputError(
      `Invalid ${xrd.claimKind} parameters: ${problems.join('; ')}`,
    );
  }
  return yaml.stringify({
    apiVersion: `${xrd.group}/${version.name}`,
    kind: xrd.claimKind,
    // The Kubernetes plugin's id label maps the claim to its service's entity wherever it is applied (the composite
    // and managed resources follow the claim); an estate mapping by Argo CD tracking or Flux labels needs no more.
    metadata: {
      name: request.name,
      labels: { [KUBERNETES_ID_LABEL]: request.service },
    },
    spec: {
      parameters: request.parameters,
      writeConnectionSecretToRef: {
        name: request.connectionSecretName ?? `${request.name}-connection`,
      },
    },
  });
}

/** The `labels` of the service's base kustomization (the team label), so the claim gets them too. */
async function baseLabels(
  reader: ConfigRepoReader,
  ref: string,
  path: string,
): Promise<unknown[]> {
  const text = await reader.readFile(path, ref);
  if (text === undefined) {
    throw new InputError(`${path} does not exist on ${ref}`);
  }
  const doc = yaml.parse(text);
  return Array.isArray(doc?.labels) ? doc.labels : [];
}

/**
 * The change: `apps/<svc>/claims/<name>.yaml`, the claims kustomization (with
 * the base's labels, so the claim carries the team label) and `../../claims`
 * in every overlay of the service.
 */
export async function claimChange(
  reader: ConfigRepoReader,
  branch: string,
  request: ClaimRequest,
): Promise<ConfigRepoChange> {
  const manifest = claimManifest(request);
  const dir = `apps/${request.service}`;
  const { files } = await reader.serviceFiles(request.service, branch);
  const paths = files.map(entry => entry.path);
  const overlays = paths.filter(p =>
    new RegExp(`^${dir}/overlays/[^/]+/kustomization\\.yaml$`).test(p),
  );
  if (overlays.length === 0) {
    throw new InputError(
      `The config repo has no overlays for ${request.service} (${dir}/overlays/)`,
    );
  }
  const claimsKustomization = `${dir}/claims/kustomization.yaml`;
  const file = `${request.name}.yaml`;
  const change: Required<ConfigRepoChange> = {
    files: { [`${dir}/claims/${file}`]: manifest },
    yamlEdits: overlays.map(p => kustomizationResourceEdit(p, '../../claims')),
  };
  if (paths.includes(claimsKustomization)) {
    change.yamlEdits.push(kustomizationResourceEdit(claimsKustomization, file));
  } else {
    change.files[claimsKustomization] = yaml.stringify({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      labels: await baseLabels(
        reader,
        branch,
        `${dir}/base/kustomization.yaml`,
      ),
      resources: [file],
    });
  }
  return change;
}
