package dev.sleet.kit.snapshot;

import java.util.List;

/**
 * A row-level security policy of a table.
 *
 * @param name      the policy name
 * @param as        {@code permissive} or {@code restrictive}
 * @param command   {@code all}, {@code select}, {@code insert}, {@code update} or {@code delete}
 * @param roles     the roles it applies to, sorted ({@code public} for everyone)
 * @param using     the {@code USING} expression, or {@code null}
 * @param withCheck the {@code WITH CHECK} expression, or {@code null}
 */
public record PolicySnapshot(String name, String as, String command, List<String> roles, String using,
                             String withCheck) {

    /**
     * Copies the roles.
     *
     * @param name      the policy name
     * @param as        permissive or restrictive
     * @param command   the command
     * @param roles     the role names
     * @param using     the {@code USING} expression, or {@code null}
     * @param withCheck the {@code WITH CHECK} expression, or {@code null}
     */
    public PolicySnapshot {
        roles = List.copyOf(roles);
    }
}
