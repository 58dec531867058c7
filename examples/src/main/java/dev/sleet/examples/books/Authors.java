package dev.sleet.examples.books;

import dev.sleet.schema.Column;
import dev.sleet.schema.Table;

import java.time.LocalDateTime;

/** The seeds' {@code authors} table. */
public final class Authors extends Table {

    /** The table. */
    public static final Authors AUTHORS = new Authors();

    /** Primary key. */
    public final Column<Integer> id = serial("id").primaryKey();
    /** Name. */
    public final Column<String> name = text("name").notNull();
    /** Biography. */
    public final Column<String> bio = text("bio");
    /** Creation time. */
    public final Column<LocalDateTime> createdAt = timestamp("created_at").notNull().defaultNow();

    private Authors() {
        super("authors");
    }
}
