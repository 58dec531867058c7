package dev.sleet.schema;

import java.util.List;
import java.util.Objects;

/**
 * A named way from the rows of one table to related rows of another (or the same) table, as a relational query
 * loads them: {@code users.posts}, {@code posts.author}, {@code employees.manager}, {@code posts.tags}.
 * Declared in {@link Relations}, apart from the tables, so that tables never refer to each other in circles.
 *
 * <p>A direct relation joins on {@code target.targetColumns = source.sourceColumns}. A relation through a
 * junction table joins on {@code junction.junctionSource = source.sourceColumns} and
 * {@code junction.junctionTarget = target.targetColumns}.
 *
 * @param name           the relation's name, unique among the source table's relations and columns
 * @param kind           whether it loads one row or a list
 * @param source         the table the relation belongs to
 * @param target         the table it loads rows of
 * @param sourceColumns  the columns of {@code source} that the join matches
 * @param targetColumns  the columns of {@code target} that the join matches, in the same order
 * @param junction       the junction table of a many-to-many relation, or {@code null}
 * @param junctionSource the junction's columns matching {@code sourceColumns}, or empty
 * @param junctionTarget the junction's columns matching {@code targetColumns}, or empty
 */
public record Relation(String name, Kind kind, Table source, Table target, List<Column<?>> sourceColumns,
                       List<Column<?>> targetColumns, Table junction, List<Column<?>> junctionSource,
                       List<Column<?>> junctionTarget) {

    /** How many rows a relation loads. */
    public enum Kind {
        /** At most one row (many-to-one, one-to-one): an object, or {@code null}. */
        ONE,
        /** Any number of rows (one-to-many, many-to-many): a list, empty when there are none. */
        MANY
    }

    /**
     * Checks and copies the parts.
     *
     * @param name           the relation's name
     * @param kind           one or many
     * @param source         the table the relation belongs to
     * @param target         the table it loads rows of
     * @param sourceColumns  the source's join columns
     * @param targetColumns  the target's join columns
     * @param junction       the junction table, or {@code null}
     * @param junctionSource the junction's columns matching the source's
     * @param junctionTarget the junction's columns matching the target's
     * @throws SchemaDefinitionException when the columns do not belong to their tables or do not pair up
     */
    public Relation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        sourceColumns = List.copyOf(sourceColumns);
        targetColumns = List.copyOf(targetColumns);
        junctionSource = List.copyOf(junctionSource);
        junctionTarget = List.copyOf(junctionTarget);
        String what = "relation " + name + " of " + source;
        if (name.isBlank()) {
            throw new SchemaDefinitionException("a relation of " + source + " has a blank name");
        }
        if (sourceColumns.isEmpty() || sourceColumns.size() != targetColumns.size()) {
            throw new SchemaDefinitionException(what + " pairs " + sourceColumns.size() + " column(s) of " + source
                    + " with " + targetColumns.size() + " of " + target + "; give the same number on each side");
        }
        belongs(what, sourceColumns, source);
        belongs(what, targetColumns, target);
        if (junction == null) {
            if (!junctionSource.isEmpty() || !junctionTarget.isEmpty()) {
                throw new SchemaDefinitionException(what + " has junction columns but no junction table");
            }
        } else {
            if (junctionSource.size() != sourceColumns.size() || junctionTarget.size() != targetColumns.size()) {
                throw new SchemaDefinitionException(what + " through " + junction + " needs one junction column for"
                        + " each join column on each side");
            }
            belongs(what, junctionSource, junction);
            belongs(what, junctionTarget, junction);
            if (kind != Kind.MANY) {
                throw new SchemaDefinitionException(what + " goes through " + junction + ", so it loads many rows");
            }
        }
        for (Column<?> c : source.columns()) {
            if (c.name().equals(name) || Naming.camel(c.name()).equals(name)) {
                throw new SchemaDefinitionException(what + " has the name of its column " + c.name()
                        + "; results would hold both under one name, so give the relation another");
            }
        }
    }

    /**
     * Tells whether the relation goes through a junction table (many-to-many).
     *
     * @return {@code true} for a junction
     */
    public boolean isThrough() {
        return junction != null;
    }

    private static void belongs(String what, List<Column<?>> columns, Table table) {
        for (Column<?> c : columns) {
            if (c.table() != table) {
                throw new SchemaDefinitionException(what + ": column " + c + " is not a column of " + table);
            }
        }
    }

    @Override
    public String toString() {
        return source.name() + "." + name + " (" + kind.name().toLowerCase(java.util.Locale.ROOT) + " "
                + target.name() + (junction != null ? " through " + junction.name() : "") + ")";
    }
}
