package dev.sleet.examples.blog;

import dev.sleet.schema.Column;
import dev.sleet.schema.Table;

import java.time.OffsetDateTime;

/** The blog's {@code users} table. */
public final class Users extends Table {

    /** The table. */
    public static final Users USERS = new Users();

    /** Primary key. */
    public final Column<Integer> id = serial("id").primaryKey();
    /** Login e-mail, unique. */
    public final Column<String> email = varchar("email", 255).notNull().unique();
    /** Display name. */
    public final Column<String> name = varchar("name", 255);
    /** Role, {@code user} by default. */
    public final Column<Role> role = enumeration("role", BlogEnums.USER_ROLE).notNull().defaultValue(Role.user);
    /** Preferences as JSON. */
    public final Column<Metadata> metadata = jsonb("metadata", Metadata.class);
    /** Whether the account is active. */
    public final Column<Boolean> isActive = bool("is_active").notNull().defaultValue(true);
    /** Creation time. */
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();
    /** Last update time. */
    public final Column<OffsetDateTime> updatedAt = timestamptz("updated_at").notNull().defaultNow();

    private Users() {
        super("users");
        index("role_idx").on(role);
    }
}
