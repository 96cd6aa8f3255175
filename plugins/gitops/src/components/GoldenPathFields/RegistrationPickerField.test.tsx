import { useState } from 'react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApis } from '../../__testUtils__/render';
import { setupGitopsServer } from '../../__testUtils__/server';
import { RegistrationPickerField } from './RegistrationPickerField';

const POINTS = [
  {
    mode: 'appOfApps',
    target: 'clusters/shared/apps',
    parent: 'root',
    file: 'bootstrap/root.yaml',
    kustomization: true,
    applications: ['billing-dev'],
  },
  {
    mode: 'applicationSet',
    target: 'services',
    file: 'clusters/shared/appsets/services.yaml',
    generator: 'directories',
    paths: ['apps/*/overlays/dev'],
  },
];

/** The field as the scaffolder form drives it: it owns formData; `values` records every value produced. */
function Harness({ values }: { values: unknown[] }) {
  const [formData, setFormData] = useState<any>(undefined);
  return (
    <RegistrationPickerField
      {...({} as any)}
      formData={formData}
      onChange={(value: unknown) => {
        values.push(value);
        setFormData(value);
      }}
      idSchema={{ $id: 'root_registration' } as any}
      schema={{ type: 'object', title: 'Registration' }}
      rawErrors={[]}
    />
  );
}

describe('GitopsRegistrationPicker', () => {
  const backend = setupGitopsServer();

  async function renderPicker(points: unknown[]) {
    backend.serve('/registration-points', { points });
    const values: unknown[] = [];
    await renderWithApis(<Harness values={values} />);
    return () => values[values.length - 1];
  }

  it('starts standalone', async () => {
    const last = await renderPicker(POINTS);
    expect(
      await screen.findByRole('button', { name: /Registration/ }),
    ).toHaveTextContent('Its own Applications');
    expect(last()).toEqual({ mode: 'standalone' });
  });

  it.each([
    [
      /App-of-apps folder clusters\/shared\/apps \(root app root\)/,
      { mode: 'appOfApps', target: 'clusters/shared/apps' },
    ],
    [
      /ApplicationSet services \(git directories apps\/\*\/overlays\/dev\)/,
      { mode: 'applicationSet', target: 'services' },
    ],
  ])('offers what discovery found: %s', async (label, value) => {
    const last = await renderPicker(POINTS);
    await userEvent.click(
      await screen.findByRole('button', { name: /Registration/ }),
    );
    await userEvent.click(within(screen.getByRole('listbox')).getByText(label));
    expect(last()).toEqual(value);
  });

  it("offers one folder per environment as a set, labelled with each environment's folder", async () => {
    const folder = (target: string, environment: string) => ({
      ...POINTS[0],
      target,
      environment,
    });
    const last = await renderPicker([
      folder('clusters/dev/apps', 'dev'),
      folder('argocd/prod-eu/applications', 'prod'),
    ]);
    await userEvent.click(
      await screen.findByRole('button', { name: /Registration/ }),
    );
    await userEvent.click(
      within(screen.getByRole('listbox')).getByText(
        'App-of-apps folder per environment (dev: clusters/dev/apps, prod: argocd/prod-eu/applications)',
      ),
    );
    expect(last()).toEqual({ mode: 'perEnvironment', via: 'appOfApps' });
  });
});
