// @ts-check

/**
 * Tables for sharding the reconciler across backend replicas (gitops.sharding.enabled). Sharding runs on
 * PostgreSQL only (leases use its clock and row locks), so on other databases this migration does nothing.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') return;

  await knex.schema.createTable('gitops_replicas', table => {
    table.comment(
      'Backend replicas alive (heartbeat) for the fair share of clusters',
    );
    table.string('id', 255).primary();
    table.dateTime('expires_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('gitops_cluster_leases', table => {
    table.comment('Which replica watches which cluster, until expires_at');
    table.string('cluster', 255).primary();
    table.string('owner', 255).nullable();
    table.dateTime('expires_at', { useTz: true }).notNullable();
    table.dateTime('acquired_at', { useTz: true }).nullable();
  });

  await knex.schema.createTable('gitops_cluster_status', table => {
    table.comment(
      'Connection state and XRDs of each cluster as its owning replica sees them',
    );
    table.string('cluster', 255).primary();
    table.string('owner', 255).notNullable();
    table.text('state').notNullable().comment('ClusterState JSON');
    table.text('xrds').notNullable().comment('Xrd[] JSON');
    table
      .text('signature')
      .notNullable()
      .comment('state without lastContact, to detect changes');
    table
      .dateTime('stale_since', { useTz: true })
      .nullable()
      .comment("the owner's staleSince, so stale marks need no JSON");
    table.dateTime('heartbeat_at', { useTz: true }).notNullable();
    table.dateTime('changed_at', { useTz: true }).notNullable();
    table.index(['changed_at'], 'gitops_cluster_status_changed_idx');
  });

  await knex.schema.createTable('gitops_object_status', table => {
    table.comment(
      'Current status of every watched object, written by the replica owning its cluster',
    );
    table.string('key', 1024).primary();
    table.string('cluster', 255).notNullable();
    table
      .string('kind_id', 512)
      .notNullable()
      .comment('cluster|group|kind, the relist unit');
    table.string('owner', 255).notNullable();
    table.string('engine', 32).notNullable();
    table.string('kind', 255).notNullable();
    table.string('namespace', 255).nullable();
    table.string('name', 255).notNullable();
    table.string('environment', 255).nullable();
    table.string('sync', 32).notNullable();
    table.string('health', 32).notNullable();
    table.string('revision', 255).nullable();
    table.specificType('entity_refs', 'text[]').notNullable();
    table
      .specificType('entity_keys', 'text[]')
      .notNullable()
      .comment('entity_refs lowercased');
    table.text('status').notNullable().comment('ObjectStatus JSON');
    table
      .boolean('deleted')
      .notNullable()
      .defaultTo(false)
      .comment('tombstone, so other replicas see deletions');
    table.dateTime('updated_at', { useTz: true }).notNullable();
    table.index(['kind_id'], 'gitops_object_status_kind_idx');
    table.index(['cluster'], 'gitops_object_status_cluster_idx');
    table.index(['updated_at'], 'gitops_object_status_updated_idx');
  });
  // Entity and team views look objects up by entity ref (teams are mapped to their entities at read time).
  await knex.raw(
    'CREATE INDEX gitops_object_status_entity_idx ON gitops_object_status USING GIN (entity_keys)',
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') return;
  await knex.schema.dropTableIfExists('gitops_object_status');
  await knex.schema.dropTableIfExists('gitops_cluster_status');
  await knex.schema.dropTableIfExists('gitops_cluster_leases');
  await knex.schema.dropTableIfExists('gitops_replicas');
};
