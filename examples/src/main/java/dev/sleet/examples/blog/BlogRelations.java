package dev.sleet.examples.blog;

import dev.sleet.schema.Relations;

/**
 * The blog's relations, declared apart from the tables as the seeds advise (Drizzle's
 * {@code relations(users, ({ many }) => ({ posts: many(posts) }))}): a user's posts and a post's author. Give them
 * to the database with {@code SleetOptions.defaults().relations(BlogRelations.RELATIONS)}.
 */
public final class BlogRelations {

    /** {@code users.posts} and {@code posts.author}. */
    public static final Relations RELATIONS = Relations.builder()
            .many("posts", Users.USERS.id, Posts.POSTS.authorId)
            .one("author", Posts.POSTS.authorId, Users.USERS.id)
            .build();

    private BlogRelations() {
    }
}
