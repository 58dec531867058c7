/**
 * Applying a migrations folder to a database: {@link dev.sleet.kit.migrate.MigrationFolder} reads and validates
 * {@code migrations/<yyyyMMddHHmmss>_<name>/{up.sql,down.sql,snapshot.json}}, and
 * {@link dev.sleet.kit.migrate.Migrator} applies, rolls back, reports, repairs and baselines it against the
 * history table {@code sleet.migrations}, under a PostgreSQL advisory lock.
 *
 * <pre>{@code
 * MigrateResult result = Migrator.of(dataSource, Path.of("migrations")).migrate();
 * }</pre>
 */
package dev.sleet.kit.migrate;
