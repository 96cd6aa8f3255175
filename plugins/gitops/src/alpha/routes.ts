import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The /gitops team overview page in the new frontend system. */
export const gitopsPageRouteRef = createRouteRef();
