package dev.sleet.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Returned by {@code policy(name)} in a table constructor; every method is optional.
 *
 * <pre>{@code
 * policy("tenant_isolation")
 *         .as(PolicyAs.RESTRICTIVE)
 *         .forCommand(PolicyCommand.ALL)
 *         .to(AppSchema.APP_USER)
 *         .using("tenant_id = current_setting('app.current_tenant')::uuid")
 *         .withCheck("tenant_id = current_setting('app.current_tenant')::uuid");
 * }</pre>
 *
 * <p>The expressions are schema code written into the DDL unchanged. Declaring a policy turns row-level
 * security on for the table: a policy on a table without it would do nothing.
 */
public final class PolicyBuilder {

    private final Table table;
    private final String name;
    private PolicyAs as = PolicyAs.PERMISSIVE;
    private PolicyCommand command = PolicyCommand.ALL;
    private final List<String> roles = new ArrayList<>();
    private String using;
    private String withCheck;

    PolicyBuilder(Table table, String name) {
        this.table = table;
        this.name = name;
    }

    /**
     * Sets how the policy combines with the others ({@code AS ...}); permissive by default.
     *
     * @param value permissive or restrictive
     * @return this builder
     */
    public PolicyBuilder as(PolicyAs value) {
        declaring();
        as = java.util.Objects.requireNonNull(value, "as");
        return this;
    }

    /**
     * Sets the commands the policy applies to ({@code FOR ...}); all by default.
     *
     * @param value the command
     * @return this builder
     */
    public PolicyBuilder forCommand(PolicyCommand value) {
        declaring();
        command = java.util.Objects.requireNonNull(value, "command");
        checkClauses();
        return this;
    }

    /**
     * Sets the roles the policy applies to ({@code TO ...}); {@code public} (everyone) by default.
     *
     * @param values the roles
     * @return this builder
     */
    public PolicyBuilder to(PgRole... values) {
        declaring();
        for (PgRole r : values) {
            if (r == null) {
                throw fail("to(...) got a null role: a schema class field it reads was still initialising; "
                        + "declare roles in a class of their own");
            }
            addRole(r.name());
        }
        return this;
    }

    /**
     * Sets the roles by name, including {@code public}, {@code current_user} and {@code session_user}.
     *
     * @param names the role names
     * @return this builder
     */
    public PolicyBuilder to(String... names) {
        declaring();
        for (String n : names) {
            Naming.checkIdentifier(n, () -> "table \"" + table.qualifiedName() + "\", policy \"" + name + "\", role");
            addRole(n);
        }
        return this;
    }

    private void addRole(String role) {
        if (roles.contains(role)) {
            throw fail("role \"" + role + "\" is named twice");
        }
        roles.add(role);
    }

    /**
     * Sets the {@code USING} expression: the existing rows the policy lets a command see.
     *
     * @param sql a boolean SQL expression
     * @return this builder
     */
    public PolicyBuilder using(String sql) {
        declaring();
        using = expression(sql, "using");
        checkClauses();
        return this;
    }

    /**
     * Sets the {@code WITH CHECK} expression: the new or updated rows the policy allows.
     *
     * @param sql a boolean SQL expression
     * @return this builder
     */
    public PolicyBuilder withCheck(String sql) {
        declaring();
        withCheck = expression(sql, "withCheck");
        checkClauses();
        return this;
    }

    private String expression(String sql, String what) {
        if (sql == null || sql.isBlank()) {
            throw fail(what + "(...) needs an SQL expression");
        }
        return sql.strip();
    }

    private void declaring() {
        table.checkDeclaring(() -> "policy \"" + name + "\"");
    }

    private SchemaDefinitionException fail(String message) {
        return new SchemaDefinitionException("table \"" + table.qualifiedName() + "\", policy \"" + name + "\": "
                + message);
    }

    String name() {
        return name;
    }

    /** Fails while the table class initialises when a clause does not fit the command, as PostgreSQL would. */
    private void checkClauses() {
        if (command == PolicyCommand.INSERT && using != null) {
            throw fail("an INSERT policy has no USING expression (PostgreSQL only checks new rows); use withCheck");
        }
        if ((command == PolicyCommand.SELECT || command == PolicyCommand.DELETE) && withCheck != null) {
            throw fail("a " + command + " policy has no WITH CHECK expression; use using");
        }
    }

    /** The policy. */
    Policy build() {
        List<String> to = roles.isEmpty() ? List.of("public") : roles;
        return new Policy(name, as, command, to, using, withCheck);
    }
}
