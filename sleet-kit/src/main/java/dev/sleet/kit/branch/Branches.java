package dev.sleet.kit.branch;

import java.util.List;
import java.util.Optional;

/**
 * Database branches: throwaway copies of a database to try migrations on, reset from their parent, and delete.
 * One interface over two backends: {@link LocalBranches} (any PostgreSQL, a branch is a database created with
 * {@code CREATE DATABASE ... TEMPLATE parent}) and {@link NeonBranches} (Neon's API v2, copy-on-write).
 *
 * <pre>{@code
 * Branches branches = LocalBranches.of("jdbc:postgresql://127.0.0.1/app?user=app").build();
 * Branch b = branches.create("try_0042", BranchOptions.defaults());
 * Migrator.of(dataSourceFor(branches.url(b.name(), false)), Path.of("migrations")).migrate();
 * branches.delete(b.name());
 * }</pre>
 */
public interface Branches {

    /**
     * Creates a branch.
     *
     * @param name    the new branch's name
     * @param options the parent, and whether to copy its rows
     * @return the branch
     * @throws BranchException when the name is taken, the parent does not exist or cannot be copied now
     */
    Branch create(String name, BranchOptions options);

    /**
     * Lists the branches, oldest first.
     *
     * @return the branches
     */
    List<Branch> list();

    /**
     * Finds a branch by name.
     *
     * @param name the branch's name
     * @return the branch, or empty
     */
    Optional<Branch> find(String name);

    /**
     * Returns a connection URL for a branch.
     *
     * @param name   the branch's name
     * @param pooled the pooled URL (through PgBouncer, for applications) rather than the direct one (for
     *               migrations)
     * @return the URL, with credentials where the backend provides them
     * @throws BranchException when there is no such branch
     */
    String url(String name, boolean pooled);

    /**
     * Resets a branch to its parent's current state; its own changes are lost.
     *
     * @param name the branch's name
     * @return the branch after the reset
     * @throws BranchException when there is no such branch or it has no parent
     */
    Branch reset(String name);

    /**
     * Deletes a branch and its data.
     *
     * @param name the branch's name
     * @throws BranchException when there is no such branch, or it has child branches
     */
    void delete(String name);
}
