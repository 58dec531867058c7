/**
 * DDL generation for migrations: {@link dev.sleet.kit.ddl.MigrationSql} writes the {@code up.sql} and
 * {@code down.sql} of the changes found by the diff engine.
 */
package dev.sleet.kit.ddl;
