/**
 * Introspection: reads a live database's catalog into the {@link dev.sleet.kit.snapshot.Snapshot} model
 * ({@link dev.sleet.kit.introspect.Introspector}), limited by an {@link dev.sleet.kit.introspect.IntrospectFilter},
 * and puts a snapshot built from Java into the same printing
 * ({@link dev.sleet.kit.introspect.SnapshotNormalizer}) so that the diff engine can compare the two. This is what
 * {@code push}, {@code pull} and drift detection build on.
 */
package dev.sleet.kit.introspect;
