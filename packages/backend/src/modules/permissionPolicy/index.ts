export { permissionModulePortalPolicy } from './module';
export { PortalPermissionPolicy } from './policy';
