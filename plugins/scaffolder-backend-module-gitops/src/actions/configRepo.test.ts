import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { resolveConfigRepo } from './configRepo';

describe('resolveConfigRepo', () => {
  it.each([
    ['github.com', undefined, 'https://github.com/acme/cfg'],
    [
      'ghe.example.com',
      'https://ghe.example.com/api/v3',
      'https://ghe.example.com/acme/cfg',
    ],
    [
      '127.0.0.1:7100',
      'http://127.0.0.1:7100/api/v3',
      'http://127.0.0.1:7100/acme/cfg',
    ],
  ])(
    'builds the repo URL of %s with the integration scheme',
    (host, apiBaseUrl, url) => {
      const config = new ConfigReader({
        integrations: {
          github: [{ host, ...(apiBaseUrl ? { apiBaseUrl } : {}) }],
        },
      });
      const target = resolveConfigRepo(
        { config, logger: mockServices.logger.mock() } as any,
        `${host}?owner=acme&repo=cfg`,
      );
      expect(target.url).toBe(url);
    },
  );
});
