export { createRouter } from './createRouter';
export { createRouteServices } from './routeServices';
export type { RouterOptions } from './types';
