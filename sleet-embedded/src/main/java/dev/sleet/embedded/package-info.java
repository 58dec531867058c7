/**
 * A real PostgreSQL server for tests and for the command line's default database, run from the PostgreSQL
 * binaries published on Maven Central by the zonky project; see {@link dev.sleet.embedded.EmbeddedPostgres}.
 */
package dev.sleet.embedded;
