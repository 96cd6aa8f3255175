import {
  DeliveriesResponse,
  ObjectStatus,
} from '@gitops-portal/plugin-gitops-common';

/** The delivery timeline: portal pull requests of a service and their path to running in each environment. */
export interface DeliveryService {
  /**
   * The newest `limit` pull requests the portal opened for the service in the config repo (branches
   * `gitops/<verb>/<service>…` that touch the service's files), each with, per environment, when the objects
   * delivering it were first Synced at the merge commit (or a later commit containing it) and then Healthy.
   */
  deliveries(request: {
    entityRef: string;
    service: string;
    /** The entity's current objects: the delivering ones (Argo CD Application, Flux Kustomization/HelmRelease). */
    objects: ObjectStatus[];
    limit: number;
  }): Promise<DeliveriesResponse>;
}
