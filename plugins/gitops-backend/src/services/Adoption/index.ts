export { createAdoptionService } from './createAdoptionService';
export type { AdoptionService } from './createAdoptionService';
