import { useApi } from '@backstage/core-plugin-api';
import { GoldenPathOptionsResponse } from '@gitops-portal/plugin-gitops-common';
import useAsync from 'react-use/esm/useAsync';
import { GitopsApi, gitopsApiRef } from '../../api';

/** How long fields share one answer: a form's pickers render together; clusters may change between forms. */
const SHARED_FOR_MS = 60_000;

const shared = new WeakMap<
  GitopsApi,
  { at: number; options: Promise<GoldenPathOptionsResponse> }
>();

/** One request for every field of a form (each picker asks), not one per field; a failed one is not kept. */
function sharedOptions(api: GitopsApi): Promise<GoldenPathOptionsResponse> {
  const known = shared.get(api);
  if (known && Date.now() - known.at < SHARED_FOR_MS) return known.options;
  const options = api.getGoldenPathOptions();
  shared.set(api, { at: Date.now(), options });
  options.catch(() => shared.delete(api));
  return options;
}

/** The backend's golden-path options (config repos, environments, clusters), shared by the form's fields. */
export function useGoldenPathOptions() {
  const api = useApi(gitopsApiRef);
  return useAsync(() => sharedOptions(api), [api]);
}
