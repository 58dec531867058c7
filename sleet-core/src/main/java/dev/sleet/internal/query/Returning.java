package dev.sleet.internal.query;

import dev.sleet.exec.RowShape;
import dev.sleet.query.Field;
import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.Table;

import java.util.List;

/** An insert, update or delete with {@code returning}, fetched like a select. */
final class Returning extends ResultQueryBase {

    private final QueryPart statement;
    private final List<Field<?>> fields;

    Returning(Execution execution, QueryPart statement, List<Field<?>> fields) {
        super(execution);
        this.statement = statement;
        this.fields = List.copyOf(fields);
    }

    static List<Field<?>> fieldsOrAll(Table table, Field<?>... fields) {
        return fields.length == 0 ? List.copyOf(table.columns()) : List.of(fields);
    }

    @Override
    RowShape shape() {
        return new RowShape(fields);
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.visit(statement).sql(" returning ");
        SelectList.render(ctx, fields);
    }
}
