// @ts-check

/**
 * The entity index of gitops_object_status without GIN's pending list. With fastupdate (PostgreSQL's default) new
 * entries wait in an unsorted list that every lookup scans until VACUUM merges it; the owning replicas upsert rows
 * all the time, so team and entity views paid ~70 ms per lookup over 100,000 freshly written rows (0.5 ms merged).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') return;
  await knex.raw(
    'ALTER INDEX gitops_object_status_entity_idx SET (fastupdate = off)',
  );
  // Entries already pending are merged now (the setting only affects new ones).
  await knex.raw(
    "SELECT gin_clean_pending_list('gitops_object_status_entity_idx'::regclass)",
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') return;
  await knex.raw(
    'ALTER INDEX gitops_object_status_entity_idx SET (fastupdate = on)',
  );
};
