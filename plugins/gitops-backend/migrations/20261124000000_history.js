// @ts-check

/**
 * Status transitions of GitOps objects. (object_key, resource_version) is
 * unique so replicas observing the same change record it once.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('gitops_history', table => {
    table.comment('Sync, health and revision transitions of GitOps objects');
    table.bigIncrements('id').primary();
    table.string('object_key', 1024).notNullable();
    table.string('resource_version', 255).notNullable();
    table
      .text('entity_refs')
      .notNullable()
      .comment('|ref|ref| of the entities the object belonged to, lowercase');
    table.string('cluster', 255).notNullable();
    table.string('environment', 255).nullable();
    table.string('kind', 255).notNullable();
    table.string('namespace', 255).nullable();
    table.string('name', 255).notNullable();
    table.string('from_sync', 32).nullable();
    table.string('from_health', 32).nullable();
    table.string('from_revision', 255).nullable();
    table.string('to_sync', 32).notNullable();
    table.string('to_health', 32).notNullable();
    table.string('to_revision', 255).nullable();
    table.dateTime('at', { useTz: true }).notNullable();
    table.unique(['object_key', 'resource_version'], {
      indexName: 'gitops_history_object_version_idx',
    });
    table.index(['at'], 'gitops_history_at_idx');
    table.index(['object_key', 'id'], 'gitops_history_object_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('gitops_history');
};
