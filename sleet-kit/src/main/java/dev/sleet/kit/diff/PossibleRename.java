package dev.sleet.kit.diff;

/**
 * A dropped and an added object of the same kind that could be one object renamed; no {@code renamedFrom(...)}
 * hint says so, so {@link Diff#between} treats them as a drop and a create. A command with a terminal asks
 * about each; without one it fails and shows {@link #hint()}.
 *
 * @param kind    a table or a column
 * @param table   the table: for a table rename, the added table; for a column rename, the table holding both
 * @param oldName the dropped table or column
 * @param newName the added table or column
 */
public record PossibleRename(Kind kind, TableName table, String oldName, String newName) {

    /** What could have been renamed. */
    public enum Kind {
        /** A table. */
        TABLE,
        /** A column. */
        COLUMN
    }

    /**
     * Says which hint to add to the schema to make this a rename.
     *
     * @return e.g. {@code column "users"."email": add .renamedFrom("mail") to keep its data, or leave it out to drop
     *         "mail" and add "email"}
     */
    public String hint() {
        if (kind == Kind.TABLE) {
            return "table \"" + table + "\" may be table \"" + oldName + "\" renamed: add renamedFrom(\"" + oldName
                    + "\") to its constructor to rename it and keep its rows; without the hint \"" + oldName
                    + "\" is dropped and \"" + newName + "\" created";
        }
        return "column \"" + table + "\".\"" + newName + "\" may be column \"" + oldName + "\" renamed: add .renamedFrom(\""
                + oldName + "\") to its declaration to rename it and keep its data; without the hint \"" + oldName
                + "\" is dropped and \"" + newName + "\" added";
    }
}
