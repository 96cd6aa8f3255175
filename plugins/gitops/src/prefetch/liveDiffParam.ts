/** The query parameter that opens an object's live diff with the entity tab: `?diff=<ObjectStatus key>`. */
export const LIVE_DIFF_PARAM = 'diff';
