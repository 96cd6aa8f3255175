import { PromotedPin } from './planPromotion';

/**
 * The PR body's list of what a promotion changes: one Markdown line per file, place, old → new version.
 *
 * @alpha
 */
export function promotionSummary(promoted: PromotedPin[]): string[] {
  return promoted.map(
    pin => `- \`${pin.path}\` ${pin.label}: \`${pin.from}\` → \`${pin.to}\``,
  );
}
