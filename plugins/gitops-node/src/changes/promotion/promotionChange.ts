import { InputError } from '@backstage/errors';
import { ConfigRepoReader } from '../../configRepo/types';
import { assertDns1123Label } from '../safety';
import { planPromotion, PromotionPlan, promotablePins } from './planPromotion';
import { PIN_FORM_DESCRIPTION } from './forms';
import { promotionFiles, PromotionFilesOptions } from './promotionFiles';

/**
 * Options of `promotionChange`: where the environments' files are, and which images or version to promote.
 *
 * @public
 */
export interface PromotionChangeOptions extends PromotionFilesOptions {
  /** Only these image names (Kustomize images, container images). */
  images?: string[];
  /** Only the pins of `from` that hold this version (tag, digest or chart version). */
  version?: string;
}

/**
 * A promotion's plan, and where each environment's files came from (`staging: from layout …`).
 *
 * @public
 */
export interface PromotionChangeResult extends PromotionPlan {
  filesFrom: string[];
}

/**
 * The promotion of a service from one environment to another, however the estate pins versions (see
 * {@link planPromotion}): finds the files of both environments at `ref` (`promotionFiles`: the caller's,
 * the live objects', a path template's or a layout's; the first whose `from` files pin the version) and plans the
 * edit. Throws InputError naming the files or folders looked
 * at when there is no version to promote or no place for it.
 *
 * @public
 */
export async function promotionChange(
  reader: ConfigRepoReader,
  ref: string,
  options: PromotionChangeOptions,
): Promise<PromotionChangeResult> {
  assertDns1123Label(options.service, 'Service name');
  assertDns1123Label(options.from, 'Environment name');
  assertDns1123Label(options.to, 'Environment name');
  if (options.from === options.to) {
    throw new InputError('Promotion needs two different environments');
  }
  const { candidates, lookedAt } = await promotionFiles(reader, ref, options);
  const planOptions = (candidate: (typeof candidates)[number]) => ({
    service: options.service,
    images: options.images,
    version: options.version,
    ...candidate,
  });
  const chosen = candidates.find(
    candidate => promotablePins(planOptions(candidate)).length > 0,
  );
  if (chosen) {
    return {
      ...planPromotion(planOptions(chosen)),
      filesFrom: [chosen.from, chosen.to].map(
        side =>
          `${side.environment}: ${side.origin ?? "from the caller's files"}`,
      ),
    };
  }
  const files = candidates.flatMap(c => Object.keys(c.from.files));
  const what = options.version ? `version ${options.version}` : 'version';
  throw new InputError(
    `No ${what} of ${options.service} to promote from ${options.from} to ${
      options.to
    } on ${ref}: looked under ${lookedAt.join(', ')}${
      files.length ? ` (files ${files.join(', ')})` : ''
    } for ${PIN_FORM_DESCRIPTION}`,
  );
}
