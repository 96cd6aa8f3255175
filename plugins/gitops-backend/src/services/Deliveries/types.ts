import {
  DeliveriesResponse,
  ObjectStatus,
} from '@gitops-portal/plugin-gitops-common';

/** One service's delivery timeline, asked for one entity. */
export interface DeliveriesRequest {
  entityRef: string;
  service: string;
  /** The entity's current objects: the delivering ones (Argo CD Application, Flux Kustomization/HelmRelease). */
  objects: ObjectStatus[];
  limit: number;
}

/** The delivery timeline: portal pull requests of a service and their path to running in each environment. */
export interface DeliveryService {
  /**
   * The newest `limit` pull requests the portal opened for the service in the config repo (branches
   * `gitops/<verb>/<service>…` that touch the service's files), each with, per environment, when the objects
   * delivering it were first Synced at the merge commit (or a later commit containing it) and then Healthy.
   */
  deliveries(request: DeliveriesRequest): Promise<DeliveriesResponse>;
  /**
   * `deliveries` of several services (a team's), in the order asked, from one listing of the config repo's pull
   * requests: each page is read once, not once per service.
   */
  deliveriesOfServices(
    requests: DeliveriesRequest[],
  ): Promise<DeliveriesResponse[]>;
}
