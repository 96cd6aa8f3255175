// @ts-check

/**
 * Every revision of a multi-source Argo CD Application (a remote Helm chart with values from the config repo
 * has two), so a delivery can be judged against the source the pull request changed. Rows written before this
 * have none: readers fall back to the single revision columns.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('gitops_history', table => {
    table
      .text('from_revisions')
      .nullable()
      .comment('JSON array of the revisions of every source, in spec order');
    table
      .text('to_revisions')
      .nullable()
      .comment('JSON array of the revisions of every source, in spec order');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('gitops_history', table => {
    table.dropColumn('from_revisions');
    table.dropColumn('to_revisions');
  });
};
