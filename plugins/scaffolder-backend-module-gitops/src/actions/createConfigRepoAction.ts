import {
  ActionContext,
  createTemplateAction,
  TemplateExample,
} from '@backstage/plugin-scaffolder-node';
import { JsonObject } from '@backstage/types';
import {
  authorizeInitiator,
  InitiatorAuthorization,
} from './authorizeInitiator';
import { ConfigRepo, resolveConfigRepo } from './configRepo';
import {
  FieldMap,
  parseActionInput,
  ParsedInput,
  pullRequestOutputFields,
  repoUrlField,
} from './schemaFragments';
import {
  createSecretMask,
  maskError,
  maskingLogger,
  maskOutput,
} from './secretMask';
import { GitopsActionDeps } from './types';

/** The task context without its raw input: an action's own step reads only the checked input. */
export type ConfigRepoActionContext = Omit<ActionContext<JsonObject>, 'input'>;

/** The checked input, the config repo it names and the context: what an action's own step gets. */
export interface ConfigRepoActionRun<F extends FieldMap> {
  ctx: ConfigRepoActionContext;
  input: ParsedInput<F>;
  target: ConfigRepo;
}

export interface ConfigRepoActionOptions<F extends FieldMap> {
  id: string;
  description: string;
  examples: TemplateExample[];
  /** The input fields (`pullRequestInputFields` and the action's own). */
  input: F;
  /**
   * The permission the initiator needs, checked before the action's step: on
   * the existing entities it changes, or a basic one for an addition that has
   * its own (a cluster request). Additions no entity stands for yet (a new
   * service, a team, an adopted workload) have none; the pull-request action
   * has none here because it authorizes in its step, once it knows the paths.
   */
  authorize?: (input: ParsedInput<F>) => InitiatorAuthorization;
  run(run: ConfigRepoActionRun<F>): Promise<void>;
}

/**
 * A `gitops:*` action: the shared schema, dry-run support and outputs, and a
 * handler that checks the input, authorizes the initiator (before anything is
 * read, written or logged) and resolves the config repo before the action's
 * own step.
 */
export function createConfigRepoAction<
  F extends FieldMap & { repoUrl: typeof repoUrlField },
>(
  deps: GitopsActionDeps,
  options: ConfigRepoActionOptions<F>,
): ReturnType<typeof createTemplateAction<F, typeof pullRequestOutputFields>> {
  return createTemplateAction({
    id: options.id,
    description: options.description,
    examples: options.examples,
    supportsDryRun: true,
    schema: { input: options.input, output: pullRequestOutputFields },
    async handler(rawCtx) {
      // The task's secrets never reach its log, its outputs or an error, whatever step would show them.
      const mask = createSecretMask(rawCtx.secrets);
      const ctx: typeof rawCtx = {
        ...rawCtx,
        logger: maskingLogger(rawCtx.logger, mask),
        // An optional output (catalogInfoUrl) may be undefined: nothing to mask.
        output: (name, value) =>
          rawCtx.output(
            name,
            value === undefined ? value : maskOutput(value, mask),
          ),
      };
      try {
        const input = parseActionInput(options.input, ctx.input);
        if (options.authorize) {
          await authorizeInitiator(
            ctx,
            deps.permissions,
            options.authorize(input),
          );
        }
        const target = resolveConfigRepo(deps, input.repoUrl);
        await options.run({ ctx, input, target });
      } catch (error) {
        throw maskError(error, mask);
      }
    },
  });
}
