package dev.sleet.internal.query;

import dev.sleet.query.Condition;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.column.BooleanType;
import dev.sleet.schema.column.ColumnType;

/**
 * {@code related("posts", condition)}: the row has a related row (meeting the condition), rendered as a
 * correlated {@code exists} in the level of the relational query it is written in.
 */
public final class RelatedCondition implements Condition {

    private final String relation;
    private final Condition condition;

    /**
     * Creates the test.
     *
     * @param relation  the relation's name, of the table of the level the condition is used in
     * @param condition what a related row must meet, or {@code null} for any related row
     */
    public RelatedCondition(String relation, Condition condition) {
        this.relation = relation;
        this.condition = condition;
    }

    @Override
    public ColumnType<Boolean> type() {
        return BooleanType.INSTANCE;
    }

    @Override
    public String name() {
        return "related";
    }

    @Override
    public void render(RenderContext ctx) {
        if (!(ctx.enclosing() instanceof RelationalStatement.Scope scope)) {
            throw new IllegalStateException("related(\"" + relation + "\") names a relation, which only a relational "
                    + "query can follow: use it in the where(...) of db.query(table) or of a with(...)");
        }
        scope.writer().exists(scope, relation, condition);
    }
}
