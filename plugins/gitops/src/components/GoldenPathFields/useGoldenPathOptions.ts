import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { gitopsApiRef } from '../../api';

/** The backend's golden-path options (config repos, environments, clusters), loaded once per field. */
export function useGoldenPathOptions() {
  const api = useApi(gitopsApiRef);
  return useAsync(() => api.getGoldenPathOptions(), [api]);
}
