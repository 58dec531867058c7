package dev.sleet.kit.snapshot;

import java.util.List;

/**
 * Table privileges granted to a role.
 *
 * @param role       the role name ({@code public} for everyone)
 * @param privileges the privileges as SQL writes them ({@code select}, {@code insert}, ...), in the order of
 *                   {@link dev.sleet.schema.Privilege}
 */
public record GrantSnapshot(String role, List<String> privileges) {

    /**
     * Copies the privileges.
     *
     * @param role       the role
     * @param privileges the privileges
     */
    public GrantSnapshot {
        privileges = List.copyOf(privileges);
    }
}
