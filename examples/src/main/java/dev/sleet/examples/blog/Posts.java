package dev.sleet.examples.blog;

import dev.sleet.schema.Column;
import dev.sleet.schema.OnDelete;
import dev.sleet.schema.Table;

import java.time.LocalDateTime;
import java.util.List;

/** The blog's {@code posts} table; deleting a user deletes their posts. */
public final class Posts extends Table {

    /** The table. */
    public static final Posts POSTS = new Posts();

    /** Primary key. */
    public final Column<Integer> id = serial("id").primaryKey();
    /** Title. */
    public final Column<String> title = varchar("title", 255).notNull();
    /** Body text. */
    public final Column<String> content = text("content");
    /** Whether readers can see it. */
    public final Column<Boolean> published = bool("published").notNull().defaultValue(false);
    /** The author. */
    public final Column<Integer> authorId = integer("author_id").notNull()
            .references(() -> Users.USERS.id, OnDelete.CASCADE);
    /** Tags. */
    public final Column<List<String>> tags = text("tags").array().notNull().defaultSql("'{}'");
    /** Read count. */
    public final Column<Integer> views = integer("views").notNull().defaultValue(0);
    /** Creation time. */
    public final Column<LocalDateTime> createdAt = timestamp("created_at").notNull().defaultNow();

    private Posts() {
        super("posts");
        index("author_idx").on(authorId);
        index("published_idx").on(published).where("published");
        index("tags_idx").on(tags).using("gin");
    }
}
