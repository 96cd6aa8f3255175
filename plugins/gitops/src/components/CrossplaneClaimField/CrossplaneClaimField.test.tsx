import { useState } from 'react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApis } from '../../__testUtils__/render';
import { setupGitopsServer } from '../../__testUtils__/server';
import type { CrossplaneClaimValue } from './claimSchema';
import { CrossplaneClaimField } from './CrossplaneClaimField';
import { TEST_XRDS } from './testXrds';

type FieldProps = Parameters<typeof CrossplaneClaimField>[0];

/** The field as the scaffolder form drives it: it owns formData and records every value produced. */
function Harness(props: {
  kinds?: string[];
  values: CrossplaneClaimValue[];
  initial?: object;
}) {
  const [formData, setFormData] = useState(
    props.initial as CrossplaneClaimValue | undefined,
  );
  const fieldProps = {
    formData,
    onChange: (value: CrossplaneClaimValue) => {
      props.values.push(value);
      setFormData(value);
    },
    idSchema: { $id: 'root_claim' },
    schema: { title: 'Database' },
    uiSchema: props.kinds ? { 'ui:options': { kinds: props.kinds } } : {},
    rawErrors: [],
    required: true,
  } as unknown as FieldProps;
  return <CrossplaneClaimField {...fieldProps} />;
}

async function renderField(kinds?: string[], initial?: object) {
  const values: CrossplaneClaimValue[] = [];
  await renderWithApis(
    <Harness kinds={kinds} values={values} initial={initial} />,
  );
  return { values, last: () => values[values.length - 1] };
}

describe('CrossplaneClaimField', () => {
  const backend = setupGitopsServer();
  beforeEach(() => {
    backend.serve('/xrds', { items: TEST_XRDS });
  });

  it('chooses the only XRD of the allowed kinds and starts from its defaults', async () => {
    const { last } = await renderField(['PostgreSQLInstance']);
    expect(
      await screen.findByRole('spinbutton', { name: /storageGB/ }),
    ).toBeInTheDocument();
    expect(last()).toEqual({
      xrd: TEST_XRDS[0],
      version: 'v1beta1',
      parameters: {
        version: '16',
        highAvailability: false,
        backup: { retentionDays: 7 },
      },
    });
  });

  it('starts the same from the empty object the scaffolder form initialises', async () => {
    const { last } = await renderField(['PostgreSQLInstance'], {
      xrd: {},
      parameters: {},
    });
    expect(
      await screen.findByRole('spinbutton', { name: /storageGB/ }),
    ).toBeInTheDocument();
    expect(last()).toMatchObject({ version: 'v1beta1' });
  });

  it('renders an input per parameter, named for it', async () => {
    await renderField(['PostgreSQLInstance']);
    const parameters = await screen.findByRole('group', { name: 'Parameters' });
    expect(
      within(parameters).getByRole('spinbutton', { name: /storageGB/ }),
    ).toBeRequired();
    expect(
      within(parameters).getByRole('button', { name: /^version/ }),
    ).toHaveTextContent('16');
    expect(
      within(parameters).getByRole('textbox', { name: 'owner' }),
    ).toBeInTheDocument();
    expect(
      within(parameters).getByRole('checkbox', { name: 'highAvailability' }),
    ).not.toBeChecked();
    const backup = within(parameters).getByRole('group', { name: 'backup' });
    expect(
      within(backup).getByRole('spinbutton', { name: 'retentionDays' }),
    ).toHaveValue(7);
  });

  it('produces typed parameters as the user fills them in', async () => {
    const { last } = await renderField(['PostgreSQLInstance']);
    await userEvent.type(
      await screen.findByRole('spinbutton', { name: /storageGB/ }),
      '50',
    );
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'highAvailability' }),
    );
    await userEvent.click(screen.getByRole('button', { name: /^version/ }));
    await userEvent.click(await screen.findByRole('option', { name: '15' }));
    expect(last().parameters).toEqual({
      storageGB: 50,
      version: '15',
      highAvailability: true,
      backup: { retentionDays: 7 },
    });
  });

  it('shows a parameter out of range next to its input', async () => {
    await renderField(['PostgreSQLInstance']);
    await userEvent.type(
      await screen.findByRole('spinbutton', { name: /storageGB/ }),
      '5',
    );
    expect(
      screen.getByText('parameters.storageGB must be at least 10'),
    ).toBeInTheDocument();
  });

  it('offers every claimable XRD once and resets parameters when the kind changes', async () => {
    const { last } = await renderField();
    await userEvent.click(
      await screen.findByRole('button', { name: /Claim kind/ }),
    );
    const options = await screen.findAllByRole('option');
    expect(options.map(option => option.textContent)).toEqual([
      'Bucket',
      'PostgreSQLInstance',
    ]);
    await userEvent.click(screen.getByRole('option', { name: 'Bucket' }));
    expect(last()).toMatchObject({
      xrd: { name: 'xbuckets.platform.acme.io' },
      version: 'v1beta1',
      parameters: { versioning: true },
    });
  });

  it('says so when no XRD offers the allowed kinds', async () => {
    await renderField(['Queue']);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'No Crossplane XRD offers a claim of kind Queue',
    );
  });

  it('shows the error when the XRDs cannot be loaded', async () => {
    backend.fail('/xrds', 500, 'cluster unreachable');
    await renderField();
    expect(
      await screen.findAllByText(/Could not load the XRDs/),
    ).not.toHaveLength(0);
  });
});
