import { useEffect, useRef, useState } from 'react';
import Button from '@material-ui/core/Button';
import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import type {
  ObjectStatus,
  PipelineTarget,
} from '@gitops-portal/plugin-gitops-common';
import { useSearchParams } from 'react-router-dom';
import { LIVE_DIFF_PARAM } from '../../prefetch/liveDiffParam';
import { LiveDiff } from './LiveDiff';

/** The managers the backend can render the desired state of, by kind with their API group. */
const DIFFABLE: Record<string, string> = {
  Application: 'argoproj.io',
  Kustomization: 'kustomize.toolkit.fluxcd.io',
};

/**
 * Whether the object is an Argo CD Application or Flux Kustomization that is OutOfSync. A pipeline target has no
 * API version: its kinds are only ever those of Argo CD and Flux.
 */
export function showsLiveDiff(
  object: Pick<ObjectStatus | PipelineTarget, 'kind' | 'sync'> & {
    apiVersion?: string;
  },
): boolean {
  const group = DIFFABLE[object.kind];
  return (
    object.sync === 'OutOfSync' &&
    group !== undefined &&
    (object.apiVersion === undefined ||
      object.apiVersion.split('/')[0] === group)
  );
}

/** The link that opens an object's live diff on the entity tab (relative to the tab). */
export function liveDiffLink(objectKey: string): string {
  return `?${new URLSearchParams({ [LIVE_DIFF_PARAM]: objectKey })}`;
}

/**
 * "Show diff" under an OutOfSync Application or Kustomization of the entity tab: the live diff is fetched only when
 * opened (rendering the config repo is not free). `?diff=<key>` in the URL opens it (a link can), and opening it
 * puts its key there, so the open diff can be shared.
 */
export function LiveDiffToggle(props: { object: ObjectStatus }) {
  const { object } = props;
  const { entity } = useEntity();
  const [params, setParams] = useSearchParams();
  const named = params.get(LIVE_DIFF_PARAM) === object.key;
  const [open, setOpen] = useState(named);
  const button = useRef<HTMLButtonElement>(null);
  const clicked = useRef(false);
  useEffect(() => {
    if (!named) {
      clicked.current = false;
      return;
    }
    setOpen(true);
    // Opened by a link from elsewhere on the page (the pipeline), not by this button: bring it into view.
    if (!clicked.current) button.current?.scrollIntoView?.({ block: 'start' });
    clicked.current = false;
  }, [named]);
  if (!showsLiveDiff(object)) return null;
  const label = `${object.kind} ${object.name} in ${object.cluster}`;
  const toggle = () => {
    clicked.current = true;
    setOpen(!open);
    setParams(
      current => {
        const next = new URLSearchParams(current);
        if (!open) next.set(LIVE_DIFF_PARAM, object.key);
        else if (next.get(LIVE_DIFF_PARAM) === object.key) {
          next.delete(LIVE_DIFF_PARAM);
        }
        return next;
      },
      { replace: true },
    );
  };
  return (
    <>
      <Button
        ref={button}
        size="small"
        color="primary"
        aria-expanded={open}
        aria-label={`${open ? 'Hide' : 'Show'} live diff of ${label}`}
        onClick={toggle}
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
