import { createConditionExports } from '@backstage/plugin-permission-node';
import { gitopsEntityPermissionResourceRef } from './resourceRef';
import { gitopsPermissionRules } from './rules';

const { conditions, createConditionalDecision } = createConditionExports({
  resourceRef: gitopsEntityPermissionResourceRef,
  rules: gitopsPermissionRules,
});

/**
 * Conditions for GitOps permissions, evaluated by the GitOps backend: `isEntityOwner({ claims })`,
 * `isEntityKind({ kinds })`.
 *
 * @public
 */
export const gitopsConditions = conditions;

/**
 * Wraps GitOps conditions into a conditional decision for a GitOps permission (pluginId `gitops`).
 *
 * @public
 */
export const createGitopsConditionalDecision = createConditionalDecision;
