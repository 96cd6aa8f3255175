import { isEntityKind } from './isEntityKind';
import { isEntityOwner } from './isEntityOwner';

/**
 * Every rule the GitOps backend evaluates for its permissions.
 *
 * @public
 */
export const gitopsPermissionRules = { isEntityOwner, isEntityKind };
