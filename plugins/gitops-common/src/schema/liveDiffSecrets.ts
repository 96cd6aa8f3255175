/*
 * Secret values never leave the backend: both sides of a Secret's diff carry masks instead of `data` and
 * `stringData` values. Like Argo CD, whose diff masks each distinct value with its own run of `+`, a key whose
 * value differs between desired and live gets a different mask on each side, so the diff still shows that it
 * changed, never what it is.
 */

/**
 * What stands in for a Secret value that is the same on both sides (or on the one side that has it).
 *
 * @public
 */
export const LIVE_DIFF_SECRET_MASK = '<masked>';
/**
 * The desired side's value where live differs.
 *
 * @public
 */
export const LIVE_DIFF_SECRET_MASK_DESIRED = '<masked: desired value>';
/**
 * The live side's value where desired differs.
 *
 * @public
 */
export const LIVE_DIFF_SECRET_MASK_LIVE = '<masked: live value>';

type Manifest = Record<string, unknown>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/** UTF-8 base64 in Node and browsers alike. */
function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary);
}

/** Whether the object is a core-group Secret. */
export function isSecret(object: unknown): boolean {
  return (
    isRecord(object) && object.kind === 'Secret' && object.apiVersion === 'v1'
  );
}

/**
 * Writes (in place) a Secret's `stringData` into `data` as the API server stores it: base64-encoded, winning over
 * `data`, and `stringData` dropped; so a desired `stringData` compares with the live `data`. Other kinds are left
 * alone.
 */
export function storeSecretData(object: Manifest | undefined): void {
  if (!object || !isSecret(object) || object.stringData === undefined) return;
  const { data = {}, stringData } = object;
  delete object.stringData;
  if (!isRecord(data) || !isRecord(stringData)) {
    object.data = LIVE_DIFF_SECRET_MASK;
    return;
  }
  const merged: Record<string, unknown> = { ...data };
  for (const [key, value] of Object.entries(stringData)) {
    merged[key] = typeof value === 'string' ? base64(value) : value;
  }
  object.data = merged;
}

/** A Secret's data after {@link storeSecretData}: a map, or one mask when it is no map. */
function dataOf(secret: Manifest): Record<string, unknown> | string {
  storeSecretData(secret);
  const data = secret.data ?? {};
  return isRecord(data) ? data : LIVE_DIFF_SECRET_MASK;
}

/**
 * Masks (in place) every value of the Secrets among `desired` and `live` (either may be absent). Other kinds are
 * left alone. Returns nothing: the objects are changed.
 */
export function maskSecretPair(
  desired: Manifest | undefined,
  live: Manifest | undefined,
): void {
  const secrets = [desired, live].filter(isSecret) as Manifest[];
  if (secrets.length === 0) return;
  const [desiredData, liveData] = [desired, live].map(side =>
    side && isSecret(side) ? dataOf(side) : undefined,
  );
  const differs = (key: string) =>
    isRecord(desiredData) &&
    isRecord(liveData) &&
    key in desiredData &&
    key in liveData &&
    desiredData[key] !== liveData[key];
  const masked = (
    data: Record<string, unknown> | string | undefined,
    differentMask: string,
  ) => {
    if (data === undefined) return undefined;
    if (typeof data === 'string') return data;
    return Object.fromEntries(
      Object.keys(data).map(key => [
        key,
        differs(key) ? differentMask : LIVE_DIFF_SECRET_MASK,
      ]),
    );
  };
  const sides: Array<[Manifest | undefined, unknown]> = [
    [desired, masked(desiredData, LIVE_DIFF_SECRET_MASK_DESIRED)],
    [live, masked(liveData, LIVE_DIFF_SECRET_MASK_LIVE)],
  ];
  for (const [side, data] of sides) {
    if (!side || !isSecret(side)) continue;
    if (data === undefined || (isRecord(data) && !Object.keys(data).length)) {
      delete side.data;
    } else {
      side.data = data;
    }
  }
}
