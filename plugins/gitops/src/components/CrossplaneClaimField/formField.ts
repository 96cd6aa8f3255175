import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { CrossplaneClaimField } from './CrossplaneClaimField';
import { crossplaneClaimValidation } from './validation';

type FormFieldOptions = Parameters<typeof createFormField>[0];

/** `GitopsCrossplaneClaim` for the new frontend system's scaffolder (loaded lazily by FormFieldBlueprint). */
export const crossplaneClaimFormField = createFormField({
  name: 'GitopsCrossplaneClaim',
  // The props are typed from zod schemas, which this plugin does not use: the component's own types are the contract.
  component: CrossplaneClaimField as unknown as FormFieldOptions['component'],
  validation:
    crossplaneClaimValidation as unknown as FormFieldOptions['validation'],
});
