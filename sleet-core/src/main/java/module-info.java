/**
 * Sleet's core: the schema DSL, the SQL renderer, the query builders, execution on JDBC, row mapping and
 * transactions. Packages named {@code internal} are not exported: they may change in any release.
 */
module dev.sleet.core {
    requires transitive java.sql;
    requires org.postgresql.jdbc;
    requires com.zaxxer.hikari;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;

    exports dev.sleet;
    exports dev.sleet.ddl;
    exports dev.sleet.exec;
    exports dev.sleet.query;
    exports dev.sleet.render;
    exports dev.sleet.schema;
    exports dev.sleet.schema.column;
}
