/*
 * How the writer recognises its own commits on a change branch.
 *
 * Every commit it writes ends with the trailer `Gitops-Portal-Tree: <tree sha>`,
 * naming the tree that commit carries. A commit is the portal's when the
 * trailer is there AND names the commit's own tree. The committer identity is
 * no proof: with a personal token the portal commits as that person, and
 * commits made in GitHub's web UI share one committer (`GitHub`). A bare
 * marker is no proof either: amending a portal commit, or cherry-picking it
 * onto other content, keeps the message. Binding the marker to the tree makes
 * any change of content (the only thing a force-move could lose) show as
 * foreign. It guards against losing a person's work by accident, not against
 * someone forging the trailer on purpose.
 */

const TRAILER = 'Gitops-Portal-Tree';
const TRAILER_LINE = new RegExp(`(?:^|\\n)${TRAILER}: ([0-9a-f]{40,64})\\s*$`);

/** The commit message the writer sends: the given message and the trailer binding it to `treeSha`. */
export function portalCommitMessage(message: string, treeSha: string): string {
  return `${message.trimEnd()}\n\n${TRAILER}: ${treeSha}\n`;
}

/** True when the writer made a commit with this message and tree (see above). */
export function isPortalCommit(commit: {
  message: string;
  tree: { sha: string };
}): boolean {
  const match = TRAILER_LINE.exec(commit.message);
  return match !== null && match[1] === commit.tree.sha;
}
