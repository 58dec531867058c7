package dev.sleet.internal.query;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sleet.exec.MappingException;
import dev.sleet.exec.Row;
import dev.sleet.exec.RowShape;
import dev.sleet.internal.Json;
import dev.sleet.internal.exec.NestedType;
import dev.sleet.internal.exec.RecordMapper;
import dev.sleet.internal.exec.RowReader;
import dev.sleet.query.Field;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.Column;
import dev.sleet.schema.Relation;
import dev.sleet.schema.column.ColumnType;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the rows of a {@link RelationalStatement} back: the root's columns from the result set, each relation's
 * JSON with a streaming parser, every value parsed from its text form by its column's type, and each level's
 * values made into the caller's {@link Row}s, maps or records.
 *
 * <p>Everything that can go wrong between the query and the target type is found when the decoder is built,
 * before the statement is sent.
 */
final class GraphDecoder {

    private static final JsonFactory JSON = Json.mapper().getFactory();

    private final LevelSpec level;
    private final ColumnType<?>[] scalars;
    private final String[] scalarNames;
    private final GraphDecoder[] children;
    private final boolean[] many;
    private final Function<Object, Object>[] finish;
    private final Function<Object[], Object> make;
    /** Values of relations a recursive record has a component for but the query stops before. */
    private final Object[] unloaded;

    @SuppressWarnings("unchecked")
    private GraphDecoder(LevelSpec level, Type target, String where) {
        this.level = level;
        List<Field<?>> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Column<?> c : level.selectedColumns()) {
            fields.add(c);
            names.add(c.name());
        }
        for (Field<?> e : level.extras) {
            fields.add(e);
            names.add(LevelSpec.extraName(e));
        }
        scalars = new ColumnType<?>[fields.size()];
        for (int i = 0; i < scalars.length; i++) {
            scalars[i] = fields.get(i).type();
        }
        scalarNames = names.toArray(String[]::new);
        int n = level.with.size();
        children = new GraphDecoder[n];
        many = new boolean[n];
        finish = new Function[n];
        Kind kind = Kind.of(target, where);
        Map<String, Type> components = kind == Kind.RECORD ? RecordMapper.componentTypes(raw(target)) : Map.of();
        int i = 0;
        for (LevelSpec child : level.with.values()) {
            Relation r = child.relation;
            many[i] = r.kind() == Relation.Kind.MANY;
            fields.add(new RelationField(r.name(), many[i] ? NestedType.MANY : NestedType.ONE));
            Type childTarget = switch (kind) {
                case ROW -> Row.class;
                case MAP -> Map.class;
                case RECORD -> {
                    Type component = components.get(RecordMapper.normalise(r.name()));
                    yield component == null ? Row.class : element(raw(target).getSimpleName() + "." + r.name(),
                            component, r, i);
                }
            };
            children[i] = new GraphDecoder(child, childTarget, where + "." + r.name());
            i++;
        }
        List<Object> stops = new ArrayList<>();
        if (kind == Kind.RECORD) {
            // A recursive record (an employee with a manager who is an employee) ends where the query stops
            // loading: the relation it does not load is null there (Optional.empty(), for an Optional).
            for (Relation r : level.relations.of(level.table).values()) {
                Type component = components.get(RecordMapper.normalise(r.name()));
                if (component == null || level.with.containsKey(r.name()) || !recursive(component, raw(target))) {
                    continue;
                }
                fields.add(new RelationField(r.name(), r.kind() == Relation.Kind.MANY ? NestedType.MANY : NestedType.ONE));
                stops.add(raw(component) == Optional.class ? Optional.empty() : null);
            }
        }
        unloaded = stops.toArray();
        RowShape shape = new RowShape(fields);
        make = switch (kind) {
            case ROW -> values -> new Row(shape, values);
            case MAP -> values -> new Row(shape, values).toMap();
            case RECORD -> {
                Class<?> type = raw(target);
                RecordMapper<?> mapper;
                try {
                    checkComponents(type, components, shape);
                    mapper = RecordMapper.of(shape, type);
                } catch (MappingException e) {
                    throw level.relation == null ? e
                            : new MappingException("the rows of " + where + ": " + e.getMessage());
                }
                yield mapper::fromValues;
            }
        };
    }

    /**
     * Builds the decoder of a query's rows into a target type.
     *
     * @param root   the root level
     * @param target {@code Row}, {@code Map} or a record class
     * @return the reader of the root's result rows
     * @throws MappingException when the target does not fit the query
     */
    static <R> RowReader<R> reader(LevelSpec root, Class<R> target) {
        GraphDecoder decoder = new GraphDecoder(root, target, root.table.name());
        return rs -> target.cast(decoder.readRoot(rs));
    }

    private Object[] values() {
        Object[] values = new Object[scalars.length + children.length + unloaded.length];
        if (unloaded.length > 0) {
            System.arraycopy(unloaded, 0, values, scalars.length + children.length, unloaded.length);
        }
        return values;
    }

    /** Whether a component holds the record it belongs to, or a list or Optional of it. */
    private static boolean recursive(Type component, Class<?> record) {
        return raw(component) == record || argument(component) == record;
    }

    private Object readRoot(ResultSet rs) throws SQLException {
        Object[] values = values();
        for (int i = 0; i < scalars.length; i++) {
            values[i] = scalars[i].read(rs, i + 1);
        }
        for (int i = 0; i < children.length; i++) {
            String json = rs.getString(scalars.length + i + 1);
            if (json == null) {
                values[scalars.length + i] = finish(i, many[i] ? List.of() : null);
                continue;
            }
            try (JsonParser p = JSON.createParser(json)) {
                values[scalars.length + i] = relation(i, p, p.nextToken());
            } catch (IOException e) {
                // the parser's message quotes the text, which can hold secrets; its kind is enough
                throw new MappingException("relation " + children[i].level.relation + " returned JSON Sleet cannot "
                        + "read (" + e.getClass().getSimpleName() + ")");
            }
        }
        return make.apply(values);
    }

    /** Reads one row: the parser is on its {@code [}. */
    private Object readRow(JsonParser p) throws IOException {
        Object[] values = values();
        int slots = scalars.length + children.length;
        boolean chunked = slots > RelationalStatement.CHUNK;
        if (chunked) {
            expect(p, JsonToken.START_ARRAY);
        }
        for (int i = 0; i < slots; i++) {
            if (chunked && i > 0 && i % RelationalStatement.CHUNK == 0) {
                expect(p, JsonToken.END_ARRAY);
                expect(p, JsonToken.START_ARRAY);
            }
            JsonToken token = p.nextToken();
            if (i < scalars.length) {
                // a string, or a number or boolean whose JSON text is PostgreSQL's text form of the value
                values[i] = token == JsonToken.VALUE_NULL ? null : scalar(i, p);
            } else {
                values[i] = relation(i - scalars.length, p, token);
            }
        }
        if (chunked) {
            expect(p, JsonToken.END_ARRAY);
        }
        expect(p, JsonToken.END_ARRAY);
        return make.apply(values);
    }

    private Object scalar(int i, JsonParser p) throws IOException {
        try {
            return scalars[i].readText(p.getText());
        } catch (IllegalArgumentException e) {
            throw new MappingException(scalarNames[i] + " of the " + level.describe() + " could not be read as "
                    + scalars[i].sqlName() + ": " + e.getMessage());
        }
    }

    private Object relation(int i, JsonParser p, JsonToken token) throws IOException {
        GraphDecoder child = children[i];
        if (many[i]) {
            if (token != JsonToken.START_ARRAY) {
                throw new MappingException("relation " + child.level.relation + " did not return a list");
            }
            List<Object> list = new ArrayList<>();
            while (p.nextToken() == JsonToken.START_ARRAY) {
                list.add(child.readRow(p));
            }
            return finish(i, Collections.unmodifiableList(list));
        }
        if (token == JsonToken.VALUE_NULL) {
            return finish(i, null);
        }
        if (token != JsonToken.START_ARRAY) {
            throw new MappingException("relation " + child.level.relation + " did not return a row");
        }
        return finish(i, child.readRow(p));
    }

    private Object finish(int i, Object value) {
        return finish[i] == null ? value : finish[i].apply(value);
    }

    private void expect(JsonParser p, JsonToken token) throws IOException {
        JsonToken got = p.nextToken();
        if (got != token) {
            throw new MappingException("the JSON of the " + level.describe() + " is not shaped as the query: expected "
                    + token + ", found " + got);
        }
    }

    /**
     * The type related rows are made into for a component: the element of a {@code List<X>} for a list relation,
     * {@code X} or the {@code X} of {@code Optional<X>} for a single one.
     */
    private Type element(String component, Type type, Relation r, int i) {
        Class<?> raw = raw(type);
        if (r.kind() == Relation.Kind.MANY) {
            if (!raw.isAssignableFrom(List.class) || raw == Object.class) {
                throw new MappingException(component + " is " + type.getTypeName() + ", but relation " + r.name()
                        + " loads a list; declare it List<...> of a record, Row or Map<String, Object>");
            }
            return argument(type);
        }
        if (raw == Optional.class) {
            finish[i] = Optional::ofNullable;
            return argument(type);
        }
        if (Iterable.class.isAssignableFrom(raw)) {
            throw new MappingException(component + " is " + type.getTypeName() + ", but relation " + r.name()
                    + " loads one row; declare it as a record, Row, Map<String, Object> or Optional<...> of one");
        }
        return type;
    }

    private static Type argument(Type type) {
        if (type instanceof ParameterizedType p) {
            Type arg = p.getActualTypeArguments()[0];
            if (arg instanceof WildcardType w) {
                arg = w.getUpperBounds()[0];
            }
            return arg;
        }
        return Row.class;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    /** A component named like a relation the query does not load gets a hint rather than "no column". */
    private void checkComponents(Class<?> type, Map<String, Type> components, RowShape shape) {
        for (String name : components.keySet()) {
            boolean found = false;
            for (Field<?> f : shape.fields()) {
                found |= RecordMapper.normalise(f.name()).equals(name);
            }
            if (found) {
                continue;
            }
            for (Relation r : level.relations.of(level.table).values()) {
                if (RecordMapper.normalise(r.name()).equals(name)) {
                    throw new MappingException(type.getSimpleName() + " has a component for relation " + r.name()
                            + " of " + level.table.name() + ", which the query does not load; add with(\""
                            + r.name() + "\")");
                }
            }
        }
    }

    /** What a level's values are made into. */
    private enum Kind {
        ROW, MAP, RECORD;

        static Kind of(Type target, String where) {
            Class<?> raw = raw(target);
            if (raw == Row.class || raw == Object.class) {
                return ROW;
            }
            if (raw == Map.class) {
                return MAP;
            }
            if (raw.isInterface() || raw.isPrimitive() || raw.isArray() || raw.getName().startsWith("java.")) {
                throw new MappingException(where + ": cannot make related rows into " + target.getTypeName()
                        + "; use a record, Row or Map<String, Object>");
            }
            return RECORD;
        }
    }

    /** A relation's place in a level's row shape. */
    private record RelationField(String name, NestedType type) implements Field<Object> {
        @Override
        public void render(RenderContext ctx) {
            throw new UnsupportedOperationException("a relation is not an expression");
        }
    }
}
