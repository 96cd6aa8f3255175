// @ts-check

/**
 * The entities an object belonged to before its last move, so replicas that keep team rows per entity hear that
 * the entity it left changed too (a row carries only its current entity_keys otherwise).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') return;
  await knex.schema.alterTable('gitops_object_status', table => {
    table
      .specificType('previous_entity_keys', 'text[]')
      .notNullable()
      .defaultTo('{}')
      .comment('entity_keys before they last changed');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') return;
  await knex.schema.alterTable('gitops_object_status', table => {
    table.dropColumn('previous_entity_keys');
  });
};
