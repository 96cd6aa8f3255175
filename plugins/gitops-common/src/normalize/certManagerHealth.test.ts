import { Health } from '../schema';
import { cond, DELETING, k8s, ObjectParts } from '../__fixtures__/objects';
import {
  CertManagerKind,
  certManagerHealth,
  certManagerStatus,
} from './certManagerHealth';

const cm = (kind: CertManagerKind, parts: ObjectParts) =>
  k8s('cert-manager.io/v1', kind, parts);
type Case = [string, ObjectParts, Health];

describe('certManagerHealth mirrors cert-manager.io/Certificate/health.lua', () => {
  it.each<Case>([
    [
      'deleting',
      { metadata: DELETING },
      {
        status: 'Progressing',
        message:
          'Pending deletion; blocked by finalizers: finalizers.fluxcd.io, example.org/cleanup',
      },
    ],
    [
      'no status',
      { spec: {} },
      { status: 'Progressing', message: 'Waiting for certificate' },
    ],
    [
      'Ready=True',
      {
        status: {
          conditions: [
            cond(
              'Ready',
              'True',
              'Ready',
              'Certificate is up to date and has not expired',
            ),
          ],
        },
      },
      {
        status: 'Healthy',
        message: 'Certificate is up to date and has not expired',
      },
    ],
    [
      'Ready=False',
      {
        status: {
          conditions: [
            cond(
              'Ready',
              'False',
              'Failed',
              'The certificate request has failed to complete',
            ),
          ],
        },
      },
      {
        status: 'Degraded',
        message: 'The certificate request has failed to complete',
      },
    ],
    [
      'Issuing=True after Ready=True: Issuing is read first',
      {
        status: {
          conditions: [
            cond('Ready', 'True', 'Ready', 'Certificate is up to date'),
            cond(
              'Issuing',
              'True',
              'Renewing',
              'Renewing certificate as renewal was scheduled',
            ),
          ],
        },
      },
      {
        status: 'Progressing',
        message: 'Renewing certificate as renewal was scheduled',
      },
    ],
    [
      'Ready=False mentioning Issuing: Progressing (Issuing not added yet)',
      {
        status: {
          conditions: [
            cond(
              'Ready',
              'False',
              'DoesNotExist',
              'Issuing certificate as Secret does not exist',
            ),
          ],
        },
      },
      {
        status: 'Progressing',
        message: 'Issuing certificate as Secret does not exist',
      },
    ],
    [
      'Ready=Unknown only',
      { status: { conditions: [cond('Ready', 'Unknown', 'Pending')] } },
      { status: 'Progressing', message: 'Waiting for certificate' },
    ],
  ])('%s', (_name, parts, expected) => {
    expect(certManagerHealth('Certificate', cm('Certificate', parts))).toEqual(
      expected,
    );
  });
});

describe.each<[CertManagerKind, string]>([
  ['Issuer', 'Initializing issuer'],
  ['ClusterIssuer', 'Initializing ClusterIssuer'],
])(
  'certManagerHealth mirrors cert-manager.io/%s/health.lua',
  (kind, waiting) => {
    it.each<Case>([
      ['no status', {}, { status: 'Progressing', message: waiting }],
      [
        'Ready=True',
        {
          status: {
            conditions: [
              cond(
                'Ready',
                'True',
                'ACMEAccountRegistered',
                'The ACME account was registered with the ACME server',
              ),
            ],
          },
        },
        {
          status: 'Healthy',
          message: 'The ACME account was registered with the ACME server',
        },
      ],
      [
        'Ready=False',
        {
          status: {
            conditions: [
              cond(
                'Ready',
                'False',
                'ErrRegisterACMEAccount',
                'Failed to register ACME account',
              ),
            ],
          },
        },
        { status: 'Degraded', message: 'Failed to register ACME account' },
      ],
      [
        'Issuing=True does not matter for issuers',
        {
          status: {
            conditions: [
              cond('Issuing', 'True'),
              cond('Ready', 'True', 'KeyPairVerified', 'Signing CA verified'),
            ],
          },
        },
        { status: 'Healthy', message: 'Signing CA verified' },
      ],
    ])('%s', (_name, parts, expected) => {
      expect(certManagerHealth(kind, cm(kind, parts))).toEqual(expected);
    });
  },
);

describe('certManagerStatus', () => {
  it('settles Ready=Unknown with the decision table (kind rule already Progressing)', () => {
    const cert = cm('Certificate', {
      status: { conditions: [cond('Ready', 'Unknown', 'Pending')] },
    });
    expect(certManagerStatus('Certificate')(cert)).toMatchObject({
      sync: 'Unknown',
      health: { status: 'Progressing', message: 'Waiting for certificate' },
      suspended: false,
      conditions: [{ type: 'Ready', status: 'Unknown', reason: 'Pending' }],
    });
  });
});
