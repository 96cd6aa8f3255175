import { useState } from 'react';
import Button from '@material-ui/core/Button';
import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { ObjectStatus } from '@gitops-portal/plugin-gitops-common';
import { LiveDiff } from './LiveDiff';

/** The managers the backend can render the desired state of. */
const DIFFABLE = new Set([
  'argoproj.io/Application',
  'kustomize.toolkit.fluxcd.io/Kustomization',
]);

/** Whether the object is an Argo CD Application or Flux Kustomization that is OutOfSync. */
export function showsLiveDiff(object: ObjectStatus): boolean {
  const group = object.apiVersion.split('/')[0];
  return object.sync === 'OutOfSync' && DIFFABLE.has(`${group}/${object.kind}`);
}

/**
 * "Show diff" under an OutOfSync Application or Kustomization of the entity tab: the live diff is fetched only when
 * opened (rendering the config repo is not free).
 */
export function LiveDiffToggle(props: { object: ObjectStatus }) {
  const { object } = props;
  const { entity } = useEntity();
  const [open, setOpen] = useState(false);
  if (!showsLiveDiff(object)) return null;
  const label = `${object.kind} ${object.name} in ${object.cluster}`;
  return (
    <>
      <Button
        size="small"
        color="primary"
        aria-expanded={open}
        aria-label={`${open ? 'Hide' : 'Show'} live diff of ${label}`}
        onClick={() => setOpen(!open)}
      >
        {open ? 'Hide live diff' : 'Show live diff'}
      </Button>
      {open && (
        <LiveDiff
          entity={getCompoundEntityRef(entity)}
          entityRef={stringifyEntityRef(entity)}
          object={object}
        />
      )}
    </>
  );
}
