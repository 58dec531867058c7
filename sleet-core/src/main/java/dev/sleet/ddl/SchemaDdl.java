package dev.sleet.ddl;

import dev.sleet.render.ParamStyle;
import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.ForeignKey;
import dev.sleet.schema.Index;
import dev.sleet.schema.PgEnum;
import dev.sleet.schema.Schema;
import dev.sleet.schema.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements that create a whole schema on an empty database, in dependency order: schemas, enums,
 * tables, foreign keys, indexes. Run them with {@code db.execute(statement)} in a transaction, or print them
 * with {@link #toSql(List)}. Indexes declared {@code concurrently()} are created plainly here: the tables are
 * new, and {@code CREATE INDEX CONCURRENTLY} cannot run in a transaction.
 */
public final class SchemaDdl {

    private SchemaDdl() {
    }

    /**
     * Returns the create statements of a schema.
     *
     * @param schema the schema
     * @return the statements, in order
     */
    public static List<QueryPart> create(Schema schema) {
        List<QueryPart> out = new ArrayList<>();
        for (String name : schema.schemaNames()) {
            out.add(new CreateSchema(name));
        }
        for (PgEnum<?> e : schema.enums()) {
            out.add(new CreateEnum(e));
        }
        for (Table t : schema.tables()) {
            out.add(new CreateTable(t));
        }
        for (Table t : schema.tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                out.add(new AddForeignKey(t, fk));
            }
        }
        for (Table t : schema.tables()) {
            for (Index i : t.indexes()) {
                // New tables are empty: CONCURRENTLY buys nothing and would forbid the enclosing transaction.
                Index plain = new Index(i.name(), i.unique(), i.elements(), i.method(), i.where(), false,
                        i.nullsNotDistinct());
                out.add(new CreateIndex(t, plain));
            }
        }
        return out;
    }

    /**
     * Renders statements as an SQL script, each ending in {@code ;}.
     *
     * @param statements the statements
     * @return the script
     */
    public static String toSql(List<QueryPart> statements) {
        StringBuilder sql = new StringBuilder();
        for (QueryPart s : statements) {
            sql.append(RenderContext.render(s, ParamStyle.INLINE).sql()).append(";\n");
        }
        return sql.toString();
    }
}
