/**
 * The diff engine: {@link dev.sleet.kit.diff.Diff} compares two schema snapshots and lists the typed
 * {@link dev.sleet.kit.diff.Change}s between them, in dependency order.
 */
package dev.sleet.kit.diff;
