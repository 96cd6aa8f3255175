export { permissionModulePortalPolicy } from './module';
export { PortalPermissionPolicy, GITOPS_PERMISSION_PREFIX } from './policy';
