import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { claimProblems, type CrossplaneClaimValue } from './claimSchema';

/** The scaffolder's step validation: an XRD, a served version and valid parameters, each problem reported. */
export const crossplaneClaimValidation: CustomFieldValidator<
  CrossplaneClaimValue | undefined
> = (value, validation) => {
  for (const problem of claimProblems(value)) validation.addError(problem);
};
