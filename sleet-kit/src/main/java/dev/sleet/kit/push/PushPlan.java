package dev.sleet.kit.push;

import dev.sleet.kit.diff.Change;

import java.util.List;

/**
 * What a push would do.
 *
 * @param changes    the changes from the database to the Java schema, in order
 * @param statements their SQL, in order
 * @param losses     the changes that lose data, with row counts; a push with any needs {@code force}
 */
public record PushPlan(List<Change> changes, List<String> statements, List<DataLoss> losses) {

    /**
     * Copies the lists.
     *
     * @param changes    the changes
     * @param statements the statements
     * @param losses     the data losses
     */
    public PushPlan {
        changes = List.copyOf(changes);
        statements = List.copyOf(statements);
        losses = List.copyOf(losses);
    }

    /**
     * Tells whether the database already matches the schema.
     *
     * @return {@code true} when there is nothing to do
     */
    public boolean nothingToDo() {
        return changes.isEmpty();
    }
}
