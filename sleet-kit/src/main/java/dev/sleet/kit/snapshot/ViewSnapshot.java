package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A view or materialized view.
 *
 * @param schema          the schema, or {@code null} for the default
 * @param name            the view name
 * @param materialized    {@code true} for a materialized view
 * @param definition      the query, as declared
 * @param securityInvoker {@code WITH (security_invoker = true)}
 * @param withNoData      a materialized view created {@code WITH NO DATA}
 * @param comment         the comment, or {@code null}
 */
public record ViewSnapshot(String schema, String name,
                           @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean materialized, String definition,
                           @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean securityInvoker,
                           @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean withNoData, String comment) {

    /**
     * Returns {@code schema.name}, or the bare name.
     *
     * @return the qualified name
     */
    public String qualifiedName() {
        return schema == null ? name : schema + "." + name;
    }

    /**
     * Returns {@code view} or {@code materialized view}, as DDL names the kind.
     *
     * @return the kind
     */
    public String kind() {
        return materialized ? "materialized view" : "view";
    }
}
