/**
 * Generation of migration folders from schema changes: snapshot, diff and up/down SQL written as
 * {@code <id>_<name>/{up.sql, down.sql, snapshot.json}}.
 */
package dev.sleet.kit.generate;
