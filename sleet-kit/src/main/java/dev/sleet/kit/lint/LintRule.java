package dev.sleet.kit.lint;

/**
 * What the linter looks for. Each rule has the id used in findings and in {@code -- sleet:lint-ignore}, one
 * line on why it matters, and the safe way to write the change.
 */
public enum LintRule {

    /** {@code DROP TABLE}. */
    DROP_TABLE("drop-table", "dropping a table deletes its rows; down.sql brings back an empty table",
            "stop reading and writing the table in a release first, back it up, then drop it in a later migration"),
    /** {@code ALTER TABLE ... DROP COLUMN}. */
    DROP_COLUMN("drop-column", "dropping a column deletes its values, and running code that still selects it fails",
            "release code that no longer uses the column first, then drop it in a later migration"),
    /** {@code ALTER COLUMN ... TYPE}. */
    COLUMN_TYPE("column-type", "changing a column's type usually rewrites the table and its indexes under an "
            + "ACCESS EXCLUSIVE lock",
            "add a new column, backfill it in batches, switch the code to it, then drop the old one (widening a "
                    + "varchar or varchar to text does not rewrite: ignore the rule for those)"),
    /** {@code SET NOT NULL}, or a new {@code NOT NULL} column without a default. */
    NOT_NULL("not-null", "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock, and ADD COLUMN ... NOT "
            + "NULL without a default fails on a table with rows",
            "add CHECK (col IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT, then SET NOT NULL (PostgreSQL 12+ uses the "
                    + "check and skips the scan) and drop the check; give a new NOT NULL column a default"),
    /** {@code ADD CONSTRAINT ... FOREIGN KEY} without {@code NOT VALID}. */
    FOREIGN_KEY("foreign-key", "adding a foreign key checks every row while it locks both tables against writes",
            "ADD CONSTRAINT ... NOT VALID, then ALTER TABLE ... VALIDATE CONSTRAINT in its own step"),
    /** {@code ADD CONSTRAINT ... CHECK} without {@code NOT VALID}. */
    CHECK("check", "adding a check constraint scans every row under an ACCESS EXCLUSIVE lock",
            "ADD CONSTRAINT ... CHECK (...) NOT VALID, then ALTER TABLE ... VALIDATE CONSTRAINT"),
    /** {@code CREATE INDEX} or {@code DROP INDEX} on an existing table without {@code CONCURRENTLY}. */
    INDEX("index", "creating or dropping an index without CONCURRENTLY blocks writes to the table until it is done",
            "CREATE INDEX CONCURRENTLY / DROP INDEX CONCURRENTLY in a -- sleet:no-transaction migration "
                    + "(declare the index with .concurrently())"),
    /** {@code RENAME} of a table or column. */
    RENAME("rename", "renaming a table or column breaks running code that uses the old name",
            "add the new name alongside the old (a view or a new column), move the code over, then remove the old"),
    /** {@code ADD CONSTRAINT ... UNIQUE} (or {@code PRIMARY KEY}) that builds its index under a lock. */
    UNIQUE("unique", "adding a unique constraint builds its index while it blocks writes to the table",
            "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... UNIQUE USING INDEX"),
    /** {@code ALTER TYPE ... ADD VALUE} in a transactional migration. */
    ENUM_VALUE("enum-value", "a value added by ALTER TYPE ... ADD VALUE cannot be used in the transaction that adds "
            + "it", "put ADD VALUE in a -- sleet:no-transaction migration of its own, as sleet generate does"),
    /** A locking statement without {@code SET lock_timeout} before it. */
    LOCK_TIMEOUT("lock-timeout", "a statement that waits for an ACCESS EXCLUSIVE lock queues every query behind it "
            + "until it gets the lock", "start the migration with SET LOCAL lock_timeout = '5s' (SET in a no-transaction migration), and retry "
            + "when it times out");

    private final String id;
    private final String why;
    private final String safe;

    LintRule(String id, String why, String safe) {
        this.id = id;
        this.why = why;
        this.safe = safe;
    }

    /**
     * Returns the rule's id, as findings and {@code -- sleet:lint-ignore} name it.
     *
     * @return e.g. {@code drop-column}
     */
    public String id() {
        return id;
    }

    /**
     * Returns why the rule matters, in one line.
     *
     * @return the reason
     */
    public String why() {
        return why;
    }

    /**
     * Returns the safe way to make the change.
     *
     * @return the rewrite
     */
    public String safe() {
        return safe;
    }

    /**
     * Finds a rule by id.
     *
     * @param id the id
     * @return the rule, or {@code null}
     */
    public static LintRule byId(String id) {
        for (LintRule r : values()) {
            if (r.id.equals(id)) {
                return r;
            }
        }
        return null;
    }
}
