import { ValidationResult } from './types';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The validation result as Markdown for a pull request body. */
export function renderValidationMarkdown(result: ValidationResult): string {
  const targets = [...result.overlays, ...result.manifests];
  if (targets.length === 0 && !result.notes?.length) {
    return '### Validation\n\nNo Kubernetes manifests changed; nothing to render.\n';
  }
  const lines = [
    '### Validation',
    '',
    result.ok
      ? '✅ Rendered with `kubectl kustomize` (and `helm template` for Helm releases); schema and policy checks passed.'
      : `❌ ${result.violations.length} problem(s) found.`,
    '',
    '| Target | Objects | Result |',
    '| --- | --- | --- |',
    ...targets.map(
      t =>
        `| \`${cell(t.path)}\` | ${t.objects} | ${
          t.violations.length === 0
            ? 'passed'
            : `${t.violations.length} violation(s)`
        } |`,
    ),
    '',
    'Policy rules: `resources-limits`, `immutable-image-tag`, `no-plaintext-secret`, `team-env-labels` (overlays), `dns1123-names`.',
  ];
  if (result.notes && result.notes.length > 0) {
    lines.push('', ...result.notes.map(note => `> ℹ️ ${cell(note)}`));
  }
  if (!result.ok) {
    lines.push(
      '',
      '| File | Object | Rule | Problem |',
      '| --- | --- | --- | --- |',
      ...result.violations.map(
        v =>
          `| \`${cell(v.file)}\` | ${cell(v.object)} | \`${v.rule}\` | ${cell(
            v.message,
          )} |`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
