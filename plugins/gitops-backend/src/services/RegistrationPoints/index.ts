export { createRegistrationPointsService } from './createRegistrationPointsService';
export type { RegistrationPointsService } from './createRegistrationPointsService';
