package dev.sleet.internal.query;

import dev.sleet.exec.Row;
import dev.sleet.exec.RowShape;
import dev.sleet.internal.exec.LocalTransaction;
import dev.sleet.internal.exec.RecordMapper;
import dev.sleet.internal.exec.RowReader;
import dev.sleet.query.Field;
import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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
    public List<Field<?>> fields() {
        return fields;
    }

    @Override
    RowShape shape() {
        return new RowShape(fields);
    }

    // An insert of more rows than one statement can carry runs as chunks in one transaction (see
    // InsertImpl.chunks()); their returned rows are concatenated in order.

    @Override
    public List<Row> fetch() {
        List<InsertImpl> chunks = chunks();
        return chunks == null ? super.fetch() : fetchChunks(chunks, rowReader(shape()));
    }

    @Override
    public <R> List<R> fetchInto(Class<R> type) {
        List<InsertImpl> chunks = chunks();
        return chunks == null ? super.fetchInto(type) : fetchChunks(chunks, RecordMapper.of(shape(), type));
    }

    @Override
    public Stream<Row> stream() {
        List<InsertImpl> chunks = chunks();
        return chunks == null ? super.stream() : fetchChunks(chunks, rowReader(shape())).stream();
    }

    @Override
    public <R> Stream<R> streamInto(Class<R> type) {
        List<InsertImpl> chunks = chunks();
        return chunks == null ? super.streamInto(type)
                : fetchChunks(chunks, RecordMapper.of(shape(), type)).stream();
    }

    private List<InsertImpl> chunks() {
        if (statement instanceof InsertImpl insert) {
            List<InsertImpl> chunks = insert.chunks();
            return chunks.size() > 1 ? chunks : null;
        }
        return null;
    }

    private <R> List<R> fetchChunks(List<InsertImpl> chunks, RowReader<R> reader) {
        return LocalTransaction.run(execution.require(), tx -> {
            List<R> out = new ArrayList<>();
            for (InsertImpl chunk : chunks) {
                out.addAll(tx.fetch(new Returning(execution, chunk, fields), reader));
            }
            return out;
        });
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.visit(statement).sql(" returning ");
        SelectList.render(ctx, fields);
    }
}
