package dev.sleet.kit.branch;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One branch: a copy of a parent database that can be changed, reset to the parent's current state and thrown
 * away. On any PostgreSQL ({@link LocalBranches}) a branch is a database created from its parent as a template;
 * on Neon ({@link NeonBranches}) it is a Neon branch with its own compute endpoint.
 *
 * @param name       the branch's name; for a local branch also its database's name
 * @param id         the backend's id: the database's name locally, the {@code br-...} id on Neon
 * @param parent     the parent branch's name, or {@code null} for a root (Neon's default branch)
 * @param createdAt  when the branch was created, or last reset to its parent
 * @param size       its size in bytes, when the backend knows it (Neon reports a logical size)
 * @param schemaOnly whether it was created with the parent's schema and without its rows
 */
public record Branch(String name, String id, String parent, Instant createdAt, OptionalLong size,
                     boolean schemaOnly) {

    /**
     * Checks the parts.
     *
     * @param name       the name
     * @param id         the id
     * @param parent     the parent, or {@code null}
     * @param createdAt  the creation time
     * @param size       the size, or empty
     * @param schemaOnly whether it holds no rows of the parent
     */
    public Branch {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(size, "size");
    }
}
