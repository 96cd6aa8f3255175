// @ts-check

/**
 * Whether an object is a preview environment's (an Application of the pull-request generator, a Kustomization of a
 * Flux Operator ResourceSet), so TeamViews leave previews out of a team's rows without parsing the status JSON.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') return;
  await knex.schema.alterTable('gitops_object_status', table => {
    table
      .boolean('preview')
      .notNullable()
      .defaultTo(false)
      .comment("true for a preview environment's object");
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') return;
  await knex.schema.alterTable('gitops_object_status', table => {
    table.dropColumn('preview');
  });
};
