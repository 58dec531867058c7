package dev.sleet.ddl;

import dev.sleet.render.ParamStyle;
import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.Column;
import dev.sleet.schema.ForeignKey;
import dev.sleet.schema.Grant;
import dev.sleet.schema.Index;
import dev.sleet.schema.PgEnum;
import dev.sleet.schema.PgRole;
import dev.sleet.schema.PgSequence;
import dev.sleet.schema.PgView;
import dev.sleet.schema.Policy;
import dev.sleet.schema.Privilege;
import dev.sleet.schema.Schema;
import dev.sleet.schema.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements that create a whole schema on an empty database, in dependency order: roles, schemas, enums,
 * sequences, tables with their comments and row-level security, foreign keys, indexes, policies, views. Run them with {@code db.execute(statement)} in a transaction, or print them
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
        for (PgRole r : schema.roles()) {
            if (!r.isExisting()) {
                out.add(statement(ObjectDdl.createRole(r.name(), ObjectDdl.roleAttributes(r.canLogin(),
                        r.canCreateDb(), r.canCreateRole(), r.inherits(), r.bypassesRls()))));
            }
        }
        for (String name : schema.schemaNames()) {
            out.add(new CreateSchema(name));
        }
        for (PgEnum<?> e : schema.enums()) {
            out.add(new CreateEnum(e));
        }
        for (PgSequence q : schema.sequences()) {
            out.add(statement(ObjectDdl.createSequence(q.schema(), q.name(), q.dataType(), q.options())));
            if (q.comment() != null) {
                out.add(statement(ObjectDdl.comment("sequence", q.schema(), q.name(), null, q.comment())));
            }
        }
        for (Table t : schema.tables()) {
            out.add(new CreateTable(t));
            if (t.comment() != null) {
                out.add(statement(ObjectDdl.comment("table", t.schema(), t.name(), null, t.comment())));
            }
            for (Column<?> c : t.columns()) {
                if (c.comment() != null) {
                    out.add(statement(ObjectDdl.comment("column", t.schema(), t.name(), c.name(), c.comment())));
                }
            }
            if (t.isRowLevelSecurityEnabled()) {
                out.add(statement(ObjectDdl.rowLevelSecurity(t.schema(), t.name(), "enable")));
            }
            if (t.isRowLevelSecurityForced()) {
                out.add(statement(ObjectDdl.rowLevelSecurity(t.schema(), t.name(), "force")));
            }
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
        for (Table t : schema.tables()) {
            for (Grant g : t.grants()) {
                out.add(statement(ObjectDdl.grant(true, t.schema(), t.name(), g.role(),
                        g.privileges().stream().map(Privilege::sql).toList())));
            }
            for (Policy p : t.policies()) {
                out.add(statement(ObjectDdl.createPolicy(t.schema(), t.name(), p.name(), p.as().sql(),
                        p.command().sql(), p.roles(), p.using(), p.withCheck())));
            }
        }
        for (PgView v : schema.views()) {
            out.add(statement(ObjectDdl.createView(v.schema(), v.name(), v.isMaterialized(), v.definition(),
                    v.isSecurityInvoker(), v.isWithNoData())));
            if (v.comment() != null) {
                out.add(statement(ObjectDdl.comment(v.isMaterialized() ? "materialized view" : "view", v.schema(),
                        v.name(), null, v.comment())));
            }
        }
        return out;
    }

    /** A statement Sleet wrote as text; {@code rawSql} keeps a {@code ?} operator from becoming a placeholder. */
    private static QueryPart statement(String sql) {
        return ctx -> ctx.rawSql(sql);
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
