import {
  DeliveryMetricsQuery,
  DeliveryMetricsResponse,
} from '@gitops-portal/plugin-gitops-common';

/** One entity to count, with the service name the config repo knows it by (for its pull requests). */
export interface MetricsEntity {
  entityRef: string;
  service: string;
}

/** DORA's four keys for one entity or a team's entities, from the status history and the portal's pull requests. */
export interface DeliveryMetricsService {
  /** The caller has been authorized for every entity given; a team passes only those the caller may read. */
  metrics(request: {
    subject: DeliveryMetricsResponse['subject'];
    entities: MetricsEntity[];
    query: Omit<DeliveryMetricsQuery, 'format'>;
  }): Promise<DeliveryMetricsResponse>;
}
