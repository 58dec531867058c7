package dev.sleet.schema;

import java.util.List;

/**
 * A row-level security policy of a table, as declared with {@code policy(name)} in the table's constructor.
 *
 * @param name      the policy name, unique within its table
 * @param as        permissive or restrictive
 * @param command   the commands it applies to
 * @param roles     the roles it applies to, by name ({@code public} when none were given)
 * @param using     the {@code USING} expression (which existing rows are visible), or {@code null}
 * @param withCheck the {@code WITH CHECK} expression (which new rows are allowed), or {@code null}
 */
public record Policy(String name, PolicyAs as, PolicyCommand command, List<String> roles, String using,
                     String withCheck) {

    /**
     * Copies the role list.
     *
     * @param name      the policy name
     * @param as        permissive or restrictive
     * @param command   the commands
     * @param roles     the role names
     * @param using     the {@code USING} expression, or {@code null}
     * @param withCheck the {@code WITH CHECK} expression, or {@code null}
     */
    public Policy {
        roles = List.copyOf(roles);
    }
}
