package dev.sleet.kit.snapshot;

import java.util.List;

/**
 * A PostgreSQL enum type.
 *
 * @param schema the schema, or {@code null} for the default
 * @param name   the type name
 * @param values the labels, in declaration order
 */
public record EnumSnapshot(String schema, String name, List<String> values) {

    /**
     * Copies the labels.
     *
     * @param schema the schema, or {@code null}
     * @param name   the type name
     * @param values the labels
     */
    public EnumSnapshot {
        values = List.copyOf(values);
    }
}
