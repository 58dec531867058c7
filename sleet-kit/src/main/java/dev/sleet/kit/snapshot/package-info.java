/**
 * Schema snapshots: the state of a schema as plain data, built from Java schema classes
 * ({@link dev.sleet.kit.snapshot.SnapshotBuilder}) and stored as {@code snapshot.json} in each migration
 * ({@link dev.sleet.kit.snapshot.SnapshotJson}). The diff engine compares two of them.
 */
package dev.sleet.kit.snapshot;
