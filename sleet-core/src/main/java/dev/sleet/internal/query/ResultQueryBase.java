package dev.sleet.internal.query;

import dev.sleet.exec.NoRowsException;
import dev.sleet.exec.Row;
import dev.sleet.exec.TooManyRowsException;
import dev.sleet.internal.exec.RecordMapper;
import dev.sleet.internal.exec.RowReader;
import dev.sleet.exec.RowShape;
import dev.sleet.query.Field;
import dev.sleet.query.PreparedResultQuery;
import dev.sleet.query.ResultQuery;
import dev.sleet.render.RenderedSql;
import dev.sleet.schema.column.ColumnType;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The fetch methods shared by every statement that returns rows. */
abstract class ResultQueryBase implements ResultQuery {

    final Execution execution;

    ResultQueryBase(Execution execution) {
        this.execution = execution;
    }

    /** Returns what the result columns are. */
    abstract RowShape shape();

    @Override
    public RenderedSql toSql() {
        return execution.toSql(this);
    }

    @Override
    public PreparedResultQuery prepare() {
        return PreparedImpl.of(execution, this, shape());
    }

    @Override
    public List<Row> fetch() {
        RowShape shape = shape();
        return execution.require().fetch(this, rowReader(shape));
    }

    @Override
    public Row fetchOne() {
        return one(fetch());
    }

    @Override
    public Optional<Row> fetchOptional() {
        return optional(fetch());
    }

    @Override
    public <R> List<R> fetchInto(Class<R> type) {
        RowShape shape = shape();
        return execution.require().fetch(this, RecordMapper.of(shape, type));
    }

    @Override
    public <R> R fetchOneInto(Class<R> type) {
        return one(fetchInto(type));
    }

    @Override
    public <R> Optional<R> fetchOptionalInto(Class<R> type) {
        return optional(fetchInto(type));
    }

    @Override
    public Stream<Row> stream() {
        RowShape shape = shape();
        return execution.require().stream(this, rowReader(shape));
    }

    @Override
    public <R> Stream<R> streamInto(Class<R> type) {
        RowShape shape = shape();
        return execution.require().stream(this, RecordMapper.of(shape, type));
    }

    private <T> T one(List<T> rows) {
        if (rows.isEmpty()) {
            throw new NoRowsException(execution.require().render(this).sql());
        }
        if (rows.size() > 1) {
            throw new TooManyRowsException(rows.size(), execution.require().render(this).sql());
        }
        return rows.get(0);
    }

    private <T> Optional<T> optional(List<T> rows) {
        if (rows.size() > 1) {
            throw new TooManyRowsException(rows.size(), execution.require().render(this).sql());
        }
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    static RowReader<Row> rowReader(RowShape shape) {
        List<Field<?>> fields = shape.fields();
        ColumnType<?>[] types = new ColumnType<?>[fields.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = fields.get(i).type();
        }
        return rs -> {
            Object[] values = new Object[types.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = types[i].read(rs, i + 1);
            }
            return new Row(shape, values);
        };
    }

    @Override
    public String toString() {
        return toSql().sql();
    }
}
