import Ajv, { ValidateFunction } from 'ajv';
import { groupVersion } from '../policies/selectors';
import { ManifestObject } from '../types';
import { builtInModelName, modelDefinitions } from './builtInSchemas';
import { CrdSource, customKindKey, customKindSchemas } from './crdSchemas';
import { createRuleCompiler, crdRuleFindings } from './crdRules';
import { describeFieldErrors } from './fieldErrors';
import {
  DEFAULT_KUBERNETES_VERSION,
  KubernetesVersion,
} from './kubernetesVersion';

/** What the schema step found for one object. */
export type SchemaOutcome =
  /**
   * Checked: every problem as `<field path>: <problem>` (none: valid); `notEvaluated`: CRD validation rules that
   * could not be evaluated here (never counted as passed).
   */
  | {
      checked: true;
      problems: string[];
      notEvaluated?: Array<{ rule: string; reason: string }>;
    }
  /** No schema knows the kind: reported as "not schema-checked", never passed. */
  | { checked: false; reason: string };

/** Strict validation of objects against the built-in API of one Kubernetes version and the CRDs it is given. */
export interface SchemaValidator {
  readonly kubernetesVersion: KubernetesVersion;
  check(object: ManifestObject): SchemaOutcome;
}

export interface SchemaValidatorOptions {
  kubernetesVersion?: KubernetesVersion;
  /** CRDs from the config repo and from the target clusters; the first one for a group/kind/version wins. */
  crds?: CrdSource[];
}

/** At most this many problems are listed per object: the first ones are enough to fix the manifest. */
const MAX_PROBLEMS = 10;

const METADATA_REF = '#/definitions/V1ObjectMeta';

const isObject = (value: unknown): value is Record<string, any> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/** The fields the API server needs to address an object at all (kubectl apply refuses a nameless object). */
function identityProblems(object: ManifestObject): string[] {
  const problems: string[] = [];
  if (typeof object.apiVersion !== 'string' || object.apiVersion === '') {
    problems.push('apiVersion: required field missing');
  }
  if (typeof object.kind !== 'string' || object.kind === '') {
    problems.push('kind: required field missing');
  }
  if (!isObject(object.metadata)) {
    problems.push('metadata: required field missing');
  } else if (
    typeof object.metadata.name !== 'string' ||
    object.metadata.name === ''
  ) {
    problems.push('metadata.name: required field missing');
  }
  return problems;
}

const newAjv = () =>
  new Ajv({
    allErrors: true,
    strict: false,
    allowUnionTypes: true,
    validateFormats: false,
    // CRD patterns are written for Go's RE2; without the `u` flag more of them compile in JavaScript.
    unicodeRegExp: false,
  });

// One ajv and one compiled validator per built-in model for the whole process: compiling the pod spec's closure is
// the slow part. CRD schemas get an ajv per validator (per validation), so ajv's cache does not grow with every change.
const ajv = newAjv();
const builtInValidators = new Map<string, ValidateFunction>();

function builtInValidator(model: string): ValidateFunction {
  let validate = builtInValidators.get(model);
  if (!validate) {
    validate = ajv.compile({
      $ref: `#/definitions/${model}`,
      definitions: modelDefinitions(model),
    });
    builtInValidators.set(model, validate);
  }
  return validate;
}

function problemsOf(validate: ValidateFunction, object: ManifestObject) {
  return validate(object) ? [] : describeFieldErrors(validate.errors ?? []);
}

/**
 * Builds the schema step: a built-in kind is checked against the Kubernetes OpenAPI schema of `kubernetesVersion`, a
 * custom kind against its CRD's `openAPIV3Schema` (a CRD wins over a built-in of the same group, which cannot
 * happen on a real API server); unknown fields are errors, like `kubectl --validate=strict`.
 */
export function createSchemaValidator(
  options: SchemaValidatorOptions = {},
): SchemaValidator {
  const kubernetesVersion =
    options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION;
  const custom = customKindSchemas(
    [...(options.crds ?? [])].reverse(),
    METADATA_REF,
  );
  const customValidators = new Map<string, ValidateFunction | Error>();
  let customAjv: Ajv | undefined;
  const compileRule = createRuleCompiler();

  function customValidator(key: string): ValidateFunction | Error {
    let validate = customValidators.get(key);
    if (!validate) {
      try {
        customAjv ??= newAjv();
        validate = customAjv.compile({
          ...custom.get(key)!.schema,
          definitions: modelDefinitions('V1ObjectMeta'),
        });
      } catch (error) {
        validate = error as Error;
      }
      customValidators.set(key, validate);
    }
    return validate;
  }

  return {
    kubernetesVersion,
    check(object) {
      const identity = identityProblems(object);
      if (identity.length > 0) return { checked: true, problems: identity };
      const { group, version } = groupVersion(object.apiVersion);
      const key = customKindKey(group, object.kind, version);
      if (custom.has(key)) {
        const validate = customValidator(key);
        if (validate instanceof Error) {
          return {
            checked: false,
            reason: `the CustomResourceDefinition's schema (${
              custom.get(key)!.source
            }) does not compile: ${validate.message}`,
          };
        }
        const problems = problemsOf(validate, object);
        // CEL rules read typed values: like the API server, they run once the object has its schema's shape.
        if (problems.length > 0) {
          return { checked: true, problems: problems.slice(0, MAX_PROBLEMS) };
        }
        const rules = crdRuleFindings(
          custom.get(key)!.openApi,
          object,
          compileRule,
        );
        return {
          checked: true,
          problems: rules.problems.slice(0, MAX_PROBLEMS),
          ...(rules.notEvaluated.length > 0
            ? { notEvaluated: rules.notEvaluated }
            : {}),
        };
      }
      const model = builtInModelName(group, version, object.kind);
      if (model) {
        return {
          checked: true,
          problems: problemsOf(builtInValidator(model), object).slice(
            0,
            MAX_PROBLEMS,
          ),
        };
      }
      return {
        checked: false,
        reason: `not schema-checked: neither Kubernetes ${kubernetesVersion} nor a CustomResourceDefinition in the config repo or on the target cluster defines ${object.apiVersion} ${object.kind}`,
      };
    },
  };
}
