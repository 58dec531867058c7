package dev.sleet.examples.blog;

import dev.sleet.schema.PgEnum;

/** The blog schema of the seeds: {@code users} write {@code posts}. */
public final class BlogSchema {

    /** The {@code user_role} enum. */
    public static final PgEnum<Role> USER_ROLE = BlogEnums.USER_ROLE;
    /** The users. */
    public static final Users USERS = Users.USERS;
    /** The posts. */
    public static final Posts POSTS = Posts.POSTS;

    private BlogSchema() {
    }
}
