import { isDns1123Label, isDns1123Subdomain } from '../changes/safety';
import { containersOf, podSpecsOf } from './objects';
import { BuiltInRuleId, ManifestObject } from './types';

/**
 * One policy rule: returns a message per problem it finds in an object.
 *
 * @public
 */
export interface PolicyRule {
  id: BuiltInRuleId;
  description: string;
  /** Whether the rule applies to plain manifests too, or only to rendered overlays (which carry env labels). */
  overlaysOnly: boolean;
  check(object: ManifestObject): string[];
}

/** The image reference's tag, or undefined when it has none; a digest counts as immutable. */
export function imageTagProblem(image: string): string | undefined {
  if (/@sha256:[a-f0-9]{64}$/.test(image)) return undefined;
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  if (colon < 0) return 'has no tag (defaults to :latest)';
  const tag = image.slice(colon + 1);
  if (tag === '' || tag.toLowerCase() === 'latest')
    return 'uses the mutable tag :latest';
  return undefined;
}

/** A `Secret` with data that is not SOPS-encrypted (SOPS adds a top-level `sops` block). */
export function isPlaintextSecret(object: ManifestObject): boolean {
  if (object?.kind !== 'Secret') return false;
  if (object.sops) return false;
  const hasData = (value: unknown) =>
    !!value && typeof value === 'object' && Object.keys(value).length > 0;
  return hasData(object.data) || hasData(object.stringData);
}

/** Why a plaintext Secret is refused, and the golden path that adds one without plaintext. */
export const PLAINTEXT_SECRET_PROBLEM =
  'is a plaintext Secret; add it with the "Add a secret" template (templates/add-secret, action gitops:secret:add), which writes an ExternalSecret, a SealedSecret or a SOPS-encrypted Secret';

/**
 * The built-in policy rules, in the order their findings are listed.
 *
 * @public
 */
export const POLICY_RULES: PolicyRule[] = [
  {
    id: 'resources-limits',
    description: 'Every container sets CPU and memory limits.',
    overlaysOnly: false,
    check: object =>
      podSpecsOf(object)
        .flatMap(containersOf)
        .flatMap(container => {
          const limits = container.resources?.limits ?? {};
          const missing = ['cpu', 'memory'].filter(key => !limits[key]);
          return missing.length > 0
            ? [
                `container "${container.name}" has no ${missing.join(
                  ' or ',
                )} limit`,
              ]
            : [];
        }),
  },
  {
    id: 'immutable-image-tag',
    description:
      'Images use an immutable tag or digest: not `:latest`, not untagged.',
    overlaysOnly: false,
    check: object =>
      podSpecsOf(object)
        .flatMap(containersOf)
        .flatMap(container => {
          const problem =
            typeof container.image === 'string'
              ? imageTagProblem(container.image)
              : undefined;
          return problem
            ? [
                `container "${container.name}" image ${container.image} ${problem}`,
              ]
            : [];
        }),
  },
  {
    id: 'no-plaintext-secret',
    description:
      'No plaintext `Secret`: use an ExternalSecret, a SealedSecret or a SOPS-encrypted Secret.',
    overlaysOnly: false,
    // The message never includes the secret's keys or values.
    check: object =>
      isPlaintextSecret(object) ? [PLAINTEXT_SECRET_PROBLEM] : [],
  },
  {
    id: 'team-env-labels',
    description: 'Every rendered object carries `team` and `env` labels.',
    overlaysOnly: true,
    check: object => {
      const labels = object.metadata?.labels ?? {};
      const missing = ['team', 'env'].filter(key => !labels[key]);
      return missing.length > 0
        ? [`has no ${missing.map(key => `"${key}"`).join(' or ')} label`]
        : [];
    },
  },
  {
    id: 'dns1123-names',
    description:
      'Object names are DNS-1123 subdomains; namespaces and container names are DNS-1123 labels.',
    overlaysOnly: false,
    check: object => {
      const problems: string[] = [];
      const name = object.metadata?.name;
      if (typeof name === 'string' && !isDns1123Subdomain(name)) {
        problems.push(`name "${name}" is not a DNS-1123 name`);
      }
      const namespace = object.metadata?.namespace;
      if (typeof namespace === 'string' && !isDns1123Label(namespace)) {
        problems.push(`namespace "${namespace}" is not a DNS-1123 label`);
      }
      for (const container of podSpecsOf(object).flatMap(containersOf)) {
        if (
          typeof container.name === 'string' &&
          !isDns1123Label(container.name)
        ) {
          problems.push(
            `container name "${container.name}" is not a DNS-1123 label`,
          );
        }
      }
      return problems;
    },
  },
];
