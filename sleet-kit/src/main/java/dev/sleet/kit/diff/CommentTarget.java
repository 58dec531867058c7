package dev.sleet.kit.diff;

/**
 * The object a comment is on.
 *
 * @param kind   what {@code COMMENT ON} names: {@code table}, {@code column}, {@code view},
 *               {@code materialized view} or {@code sequence}
 * @param schema the schema, or {@code null} for the default
 * @param name   the table, view or sequence name
 * @param column the column, for {@code column}; otherwise {@code null}
 */
public record CommentTarget(String kind, String schema, String name, String column) {

    @Override
    public String toString() {
        String relation = schema == null ? name : schema + "." + name;
        return kind + " " + (column == null ? relation : relation + "." + column);
    }
}
