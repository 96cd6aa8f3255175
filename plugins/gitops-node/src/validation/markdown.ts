import { ValidationResult, Violation } from './types';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const findingRow = (v: Violation) =>
  `| ${v.severity === 'warning' ? '⚠️ warning' : '❌ error'} | \`${cell(
    v.file,
  )}\` | ${cell(v.object)} | \`${v.rule}\` | ${
    v.policy ? `\`${cell(v.policy)}\`` : '(built-in)'
  } | ${cell(v.message)} |`;

/**
 * The validation result as Markdown for a pull request body: every finding with its policy, and what was skipped.
 *
 * @public
 */
export function renderValidationMarkdown(result: ValidationResult): string {
  const targets = [...result.overlays, ...result.manifests];
  if (
    targets.length === 0 &&
    !result.notes?.length &&
    !result.skipped?.length
  ) {
    return '### Validation\n\nNo Kubernetes manifests changed; nothing to render.\n';
  }
  const warnings = result.violations.filter(v => v.severity === 'warning');
  const errors = result.violations.length - warnings.length;
  let summary = `❌ ${errors} problem(s) found.`;
  if (result.ok) {
    summary =
      warnings.length > 0
        ? `✅ Rendered and checked; no blocking problem, ${warnings.length} warning(s).`
        : '✅ Rendered with `kubectl kustomize` (and `helm template` for Helm releases); schema and policy checks passed.';
  }
  const lines = [
    '### Validation',
    '',
    summary,
    '',
    '| Target | Objects | Result |',
    '| --- | --- | --- |',
    ...targets.map(
      t =>
        `| \`${cell(t.path)}\` | ${t.objects} | ${
          t.violations.length === 0
            ? 'passed'
            : `${t.violations.length} finding(s)`
        } |`,
    ),
    '',
    'Built-in rules: `resources-limits`, `immutable-image-tag`, `no-plaintext-secret`, `team-env-labels` (overlays), `dns1123-names`.',
  ];
  if (result.policies && result.policies.length > 0) {
    lines.push(
      '',
      `Estate policies evaluated: ${result.policies
        .map(p => `\`${cell(p)}\``)
        .join(', ')}.`,
    );
  }
  if (result.notes && result.notes.length > 0) {
    lines.push('', ...result.notes.map(note => `> ℹ️ ${cell(note)}`));
  }
  if (result.violations.length > 0) {
    lines.push(
      '',
      '| Severity | File | Object | Rule | Policy | Problem |',
      '| --- | --- | --- | --- | --- | --- |',
      ...result.violations.map(findingRow),
    );
  }
  if (result.skipped && result.skipped.length > 0) {
    lines.push(
      '',
      '**Not evaluated** (neither passed nor failed):',
      '',
      '| Policy | File | Why |',
      '| --- | --- | --- |',
      ...result.skipped.map(
        s =>
          `| \`${cell(s.policy)}\` | \`${cell(s.file)}\` | ${cell(s.reason)} |`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
