/** GitHub refuses PR bodies over 65,536 characters; stay clear of it. */
export const MAX_BODY_CHARS = 60_000;

/**
 * The PR body: the caller's text, then the validation section. A section that
 * would not fit is cut at a line break with a note, so the PR still opens.
 */
export function pullRequestBody(
  callerBody: string | undefined,
  validationMarkdown: string,
): string {
  const head = (callerBody ?? '').trim().slice(0, MAX_BODY_CHARS / 2);
  const room = MAX_BODY_CHARS - head.length - 2;
  let section = validationMarkdown;
  if (section.length > room) {
    const note =
      '\n\n_Validation details truncated to fit the pull request._\n';
    const cut = section.slice(0, Math.max(0, room - note.length));
    section = `${cut.slice(0, cut.lastIndexOf('\n') + 1)}${note}`;
  }
  return [head, section].filter(Boolean).join('\n\n');
}
