import { InputError } from '@backstage/errors';
import yaml from 'yaml';
import { z } from 'zod';

/**
 * The part of a `.sops.yaml` creation rule the portal applies (getsops/sops `config/config.go`): the first rule
 * whose `path_regex` matches the file's path (a rule without one matches every file) gives the age recipients and
 * which values are encrypted. Paths are the config repo's, relative to its root, where the portal reads `.sops.yaml`.
 *
 * @public
 */
export interface SopsRule {
  ageRecipients: string[];
  /** At most one is set, as sops itself requires; none means sops' default `unencrypted_suffix: _unencrypted`. */
  encryptedRegex?: string;
  unencryptedRegex?: string;
  encryptedSuffix?: string;
  unencryptedSuffix?: string;
}

const recipients = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform(value =>
    (Array.isArray(value) ? value : (value ?? '').split(','))
      .map(recipient => recipient.trim())
      .filter(recipient => recipient.length > 0),
  );

const creationRuleSchema = z.object({
  path_regex: z.string().optional(),
  age: recipients,
  encrypted_regex: z.string().optional(),
  unencrypted_regex: z.string().optional(),
  encrypted_suffix: z.string().optional(),
  unencrypted_suffix: z.string().optional(),
});

const sopsConfigSchema = z.object({
  creation_rules: z.array(creationRuleSchema).default([]),
});

/**
 * The rule `.sops.yaml` (its text) applies to `path`; an InputError when none does or it names no age recipient.
 *
 * @public
 */
export function sopsRuleFor(sopsYaml: string, path: string): SopsRule {
  const parsed = sopsConfigSchema.safeParse(yaml.parse(sopsYaml) ?? {});
  if (!parsed.success) {
    throw new InputError(
      `.sops.yaml: ${parsed.error.issues
        .map(issue => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ')}`,
    );
  }
  const rule = parsed.data.creation_rules.find(
    candidate =>
      candidate.path_regex === undefined ||
      new RegExp(candidate.path_regex).test(path),
  );
  if (!rule) {
    throw new InputError(`.sops.yaml has no creation rule for ${path}`);
  }
  if (rule.age.length === 0) {
    throw new InputError(
      `.sops.yaml: the creation rule for ${path} names no age recipient; the portal encrypts with age only`,
    );
  }
  const selectors = [
    rule.encrypted_regex,
    rule.unencrypted_regex,
    rule.encrypted_suffix,
    rule.unencrypted_suffix,
  ].filter(selector => selector !== undefined);
  if (selectors.length > 1) {
    throw new InputError(
      `.sops.yaml: the creation rule for ${path} sets more than one of encrypted_regex, unencrypted_regex, encrypted_suffix and unencrypted_suffix`,
    );
  }
  return {
    ageRecipients: rule.age,
    encryptedRegex: rule.encrypted_regex,
    unencryptedRegex: rule.unencrypted_regex,
    encryptedSuffix: rule.encrypted_suffix,
    unencryptedSuffix: rule.unencrypted_suffix,
  };
}
