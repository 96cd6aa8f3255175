export { CrossplaneClaimField } from './CrossplaneClaimField';
export type { CrossplaneClaimUiOptions } from './CrossplaneClaimField';
export { crossplaneClaimValidation } from './validation';
export type { CrossplaneClaimValue } from './claimSchema';
