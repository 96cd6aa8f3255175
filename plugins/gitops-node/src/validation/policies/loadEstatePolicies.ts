import { parseManifests } from '../objects';
import { ManifestObject, SkippedPolicy, Violation } from '../types';
import { compileAdmissionPolicies } from './admissionPolicy';
import { compileKyvernoPolicies } from './kyverno';
import { NamespaceIndex } from './selectors';
import { EstatePolicy, FindingSink, SourcedObject } from './types';

/** The estate's own policies, compiled once per validation, checking each rendered object. */
export interface EstatePolicies {
  /** Every policy (with binding) or rule that is evaluated. */
  readonly names: string[];
  /** Everything that could not be evaluated so far (grows as objects are checked). */
  readonly skipped: SkippedPolicy[];
  check(object: ManifestObject, file: string): Violation[];
}

const isYaml = (path: string) => /\.ya?ml$/i.test(path);

/**
 * Reads the policy files (`policyFiles`: path → text, from the config repo's policy paths) and compiles their
 * ValidatingAdmissionPolicies (with bindings and params) and Kyverno validate rules. `namespaceObjects` are
 * Namespace objects known besides the policy files (the change's own manifests), for namespace selectors;
 * `extraSources` are policies read from the target clusters (their `file` is `cluster <name>`).
 */
export function loadEstatePolicies(
  policyFiles: Record<string, string>,
  namespaceObjects: ManifestObject[] = [],
  /** Policy objects read elsewhere (a target cluster), each named by where it came from. */
  extraSources: SourcedObject[] = [],
): EstatePolicies {
  const skipped = new Map<string, SkippedPolicy>();
  const sources: SourcedObject[] = [];
  for (const [file, text] of Object.entries(policyFiles)) {
    if (!isYaml(file)) continue;
    try {
      sources.push(...parseManifests(text).map(object => ({ file, object })));
    } catch (error) {
      skipped.set(`${file}|parse`, {
        policy: file,
        file,
        reason: `not valid YAML: ${(error as Error).message}`,
      });
    }
  }
  sources.push(...extraSources);
  const namespaces = new NamespaceIndex();
  [...sources.map(s => s.object), ...namespaceObjects].forEach(o =>
    namespaces.add(o),
  );
  let violations: Violation[] = [];
  const sink: FindingSink = {
    violation: v => violations.push(v),
    skip: s => skipped.set(`${s.policy}|${s.reason}`, s),
  };
  const policies: EstatePolicy[] = [
    ...compileAdmissionPolicies(sources, namespaces, sink),
    ...compileKyvernoPolicies(sources, namespaces, sink),
  ];
  return {
    names: policies.map(p => p.name),
    get skipped() {
      return [...skipped.values()];
    },
    check(object, file) {
      violations = [];
      for (const policy of policies) policy.check(object, file, sink);
      return violations;
    },
  };
}
