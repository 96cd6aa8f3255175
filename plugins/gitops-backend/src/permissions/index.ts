export * from './conditions';
export * from './permissionModuleGitopsPolicy';
export * from './policyDecision';
export * from './registerGitopsPermissions';
export * from './resourceRef';
export { gitopsPermissionRules } from './rules';
