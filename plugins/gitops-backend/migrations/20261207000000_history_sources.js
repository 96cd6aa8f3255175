// @ts-check

/**
 * What each of a multi-source Argo CD Application's revisions belongs to (repo URL and chart of every source, in
 * spec order), so the history can name the source that moved. Rows written before this have none: readers number
 * the sources instead.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('gitops_history', table => {
    table
      .text('sources')
      .nullable()
      .comment(
        'JSON array of { repoURL, chart } of every source of the state recorded, in spec order',
      );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('gitops_history', table => {
    table.dropColumn('sources');
  });
};
