package dev.sleet.examples.books;

import dev.sleet.schema.Column;
import dev.sleet.schema.Table;

import java.time.LocalDateTime;

/** The seeds' {@code books} table. */
public final class Books extends Table {

    /** The table. */
    public static final Books BOOKS = new Books();

    /** Primary key. */
    public final Column<Integer> id = serial("id").primaryKey();
    /** Title. */
    public final Column<String> title = text("title").notNull();
    /** The author. */
    public final Column<Integer> authorId = integer("author_id").references(() -> Authors.AUTHORS.id);
    /** Year of publication. */
    public final Column<Integer> publishedYear = integer("published_year")
            .check("books_published_year_check", "published_year between 1450 and 2100");
    /** Creation time. */
    public final Column<LocalDateTime> createdAt = timestamp("created_at").notNull().defaultNow();

    private Books() {
        super("books");
    }
}
