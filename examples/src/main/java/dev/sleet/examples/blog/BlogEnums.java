package dev.sleet.examples.blog;

import dev.sleet.schema.PgEnum;

/**
 * The blog's enum types. They live apart from {@link BlogSchema} so that table classes can use them without
 * a class-initialisation cycle (a table reading the schema class that is itself reading the table would see
 * a null).
 */
public final class BlogEnums {

    /** The {@code user_role} enum. */
    public static final PgEnum<Role> USER_ROLE = PgEnum.of("user_role", Role.class);

    private BlogEnums() {
    }
}
