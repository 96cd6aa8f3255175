import { createBackend } from '@backstage/backend-defaults';
import { permissionModulePortalPolicy } from './modules/permissionPolicy';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
// Guest sign-in for the local sandbox; production configs add a real provider.
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
// gitops:* actions: validated pull requests to the GitOps config repo.
backend.add(import('@gitops-portal/plugin-scaffolder-backend-module-gitops'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(permissionModulePortalPolicy);

// The GitOps reconciler and status API (clusters from gitops.clusters).
backend.add(import('@gitops-portal/plugin-gitops-backend'));

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
// The events bus carries catalog and signals events between plugins (and, later, between backend replicas).
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.start();
