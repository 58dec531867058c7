package dev.sleet.schema;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Table privileges granted to a role, as a table declares them with {@code grant(role, privileges...)}.
 *
 * @param role       the role name ({@code public} for everyone)
 * @param privileges the privileges, in the order of {@link Privilege}
 */
public record Grant(String role, List<Privilege> privileges) {

    /**
     * Checks and orders the privileges.
     *
     * @param role       the role
     * @param privileges the privileges, at least one
     */
    public Grant {
        Objects.requireNonNull(role, "role");
        if (privileges.isEmpty()) {
            throw new SchemaDefinitionException("a grant to " + role + " needs at least one privilege");
        }
        Set<Privilege> set = EnumSet.copyOf(privileges);
        privileges = List.copyOf(set);
    }
}
