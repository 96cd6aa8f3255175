import { createRouteRef } from '@backstage/core-plugin-api';

/** The team overview page (`/gitops` by convention). */
export const rootRouteRef = createRouteRef({ id: 'gitops' });
