package dev.sleet.kit.branch;

/**
 * How to create a branch: from which parent, and whether with the parent's rows.
 *
 * @param from       the parent branch's name, or {@code null} for the backend's default parent: locally the
 *                   database the backend was opened on, on Neon the project's default branch
 * @param schemaOnly create the branch with the parent's schema (and migration history) but none of its rows
 */
public record BranchOptions(String from, boolean schemaOnly) {

    /**
     * A full copy of the default parent.
     *
     * @return the options
     */
    public static BranchOptions defaults() {
        return new BranchOptions(null, false);
    }

    /**
     * A full copy of the named parent.
     *
     * @param parent the parent branch's name
     * @return the options
     */
    public static BranchOptions from(String parent) {
        return new BranchOptions(parent, false);
    }

    /**
     * These options, without the parent's rows.
     *
     * @return the options
     */
    public BranchOptions withSchemaOnly() {
        return new BranchOptions(from, true);
    }
}
