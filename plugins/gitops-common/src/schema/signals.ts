/* No zod here: the frontend's eager part reads the channel name, and this file keeps zod out of it. */

/**
 * The signals channel the gitops backend publishes status changes on (`@backstage/plugin-signals`).
 *
 * @public
 */
export const GITOPS_SIGNAL_CHANNEL = 'gitops:status';

/**
 * A message on {@link GITOPS_SIGNAL_CHANNEL}. A status change (a broadcast) names the entities and clusters whose
 * status changed. `publisher` (one per backend process) and `seq` (that publisher's broadcasts counted from 1) let a
 * browser see that it missed one: Backstage's signals drop what is published while a socket (re)connects. An echo
 * (`echo` set, sent to one user after `POST /signals/echo`) carries the publisher's last `seq`: its arrival proves
 * that the browser's subscription is live, and a `seq` beyond the last one received says that something was missed.
 *
 * @public
 */
export type GitopsSignal = {
  entityRefs: string[];
  clusters: string[];
  publisher?: string;
  seq?: number;
  echo?: string;
};

/**
 * A response header of every gitops route: `<publisher>:<seq>`, the broadcast the backend had published last when
 * the request arrived. The answer includes every change up to that broadcast, so a browser whose subscription is
 * proven at `seq` or before has missed nothing this answer lacks, and need not fetch again.
 *
 * @public
 */
export const GITOPS_SIGNAL_POSITION_HEADER = 'gitops-signal-position';
