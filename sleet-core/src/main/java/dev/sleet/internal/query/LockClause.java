package dev.sleet.internal.query;

import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.Table;

import java.util.List;

/**
 * One row-locking clause of a select: {@code for update [of t, ...] [nowait | skip locked]}.
 *
 * @param strength the lock strength keywords, e.g. {@code update} or {@code no key update}
 * @param of       the tables whose rows are locked; empty for every table of the query
 * @param waitPolicy {@code null} to wait, {@code nowait} or {@code skip locked}
 */
record LockClause(String strength, List<Table> of, String waitPolicy) implements QueryPart {

    LockClause {
        of = List.copyOf(of);
    }

    LockClause withOf(List<Table> tables) {
        return new LockClause(strength, tables, waitPolicy);
    }

    LockClause withWait(String newWait) {
        return new LockClause(strength, of, newWait);
    }

    /** Describes the clause for error messages, e.g. {@code for update of users}. */
    String describe() {
        StringBuilder sb = new StringBuilder("for ").append(strength);
        if (!of.isEmpty()) {
            sb.append(" of ");
            for (int i = 0; i < of.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(of.get(i).name());
            }
        }
        return sb.toString();
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.sql("for ").sql(strength);
        if (!of.isEmpty()) {
            ctx.sql(" of ");
            for (int i = 0; i < of.size(); i++) {
                if (i > 0) {
                    ctx.sql(", ");
                }
                // PostgreSQL wants the name as the from clause exposes it: unqualified, even for a schema table
                ctx.identifier(of.get(i).name());
            }
        }
        if (waitPolicy != null) {
            ctx.sql(' ').sql(waitPolicy);
        }
    }
}
