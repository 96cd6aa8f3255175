import { ManifestObject, Severity, SkippedPolicy, Violation } from '../types';

/** An object read from the config repo's policy paths, with the file it came from. */
export interface SourcedObject {
  file: string;
  object: ManifestObject;
}

/** Where an estate policy reports what it found for one object. */
export interface FindingSink {
  violation(violation: Violation): void;
  /** The policy (or one rule of it) could not be evaluated; reported once per policy and reason. */
  skip(skipped: SkippedPolicy): void;
}

/** One estate policy, ready to check rendered objects. */
export interface EstatePolicy {
  /** `ValidatingAdmissionPolicy/<name>` (with its binding), `ClusterPolicy/<name>/<rule>`, … */
  name: string;
  file: string;
  check(object: ManifestObject, file: string, sink: FindingSink): void;
}

export type { Severity };
