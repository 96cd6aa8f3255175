import { JsonObject } from './scaffolderClient';
import { TemplateHarness } from './templateHarness';

/** One Crossplane claim template and the cases its tests run. */
export interface ClaimTemplateSpec {
  templatePath: string;
  /** The claim kind the template's GitopsCrossplaneClaim field is narrowed to. */
  claimKind: string;
  /** Parameters the sandbox's XRD accepts. */
  parameters: JsonObject;
  /** Parameters the XRD's schema refuses, and what the error names. */
  badParameters: { parameters: JsonObject; message: RegExp };
  /** A claim kind of another template, which this one must refuse. */
  otherKind: string;
}

export const SERVICE = 'payments-api';
export const ENVIRONMENTS = ['dev', 'staging', 'prod'];

export const TEMPLATES: ClaimTemplateSpec[] = [
  {
    templatePath: 'templates/new-database/template.yaml',
    claimKind: 'PostgreSQLInstance',
    parameters: { storageGB: 50, version: '16', size: 'medium' },
    badParameters: {
      parameters: { storageGB: 5, version: '16' },
      message: /storageGB/,
    },
    otherKind: 'Bucket',
  },
  {
    templatePath: 'templates/new-bucket/template.yaml',
    claimKind: 'Bucket',
    parameters: { versioning: true, retentionDays: 90 },
    badParameters: {
      parameters: { retentionDays: 0 },
      message: /retentionDays/,
    },
    otherKind: 'Queue',
  },
  {
    templatePath: 'templates/new-queue/template.yaml',
    claimKind: 'Queue',
    parameters: { fifo: true, visibilityTimeoutSeconds: 60 },
    badParameters: { parameters: { fifo: 'yes' }, message: /fifo/ },
    otherKind: 'PostgreSQLInstance',
  },
];

/** What the GitopsCrossplaneClaim field sends: an XRD as GET /api/gitops/xrds serves it. */
export async function claimValue(
  harness: TemplateHarness,
  kind: string,
  parameters: JsonObject,
) {
  const xrd = (await harness.xrds()).find(x => x.claimKind === kind);
  if (!xrd) throw new Error(`The sandbox serves no XRD for ${kind}`);
  return { xrd, version: 'v1alpha1', parameters };
}

/** The template's values for a claim `name` on the service (default claim: the spec's kind and parameters). */
export async function claimValues(
  harness: TemplateHarness,
  spec: ClaimTemplateSpec,
  name: string,
  claim?: JsonObject,
) {
  return {
    service: `component:default/${SERVICE}`,
    name,
    claim:
      claim ?? (await claimValue(harness, spec.claimKind, spec.parameters)),
    repoUrl: harness.repoUrl,
  };
}
