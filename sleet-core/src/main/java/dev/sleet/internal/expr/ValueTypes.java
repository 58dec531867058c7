package dev.sleet.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sleet.schema.Interval;
import dev.sleet.schema.column.ArrayType;
import dev.sleet.schema.column.BigintType;
import dev.sleet.schema.column.BooleanType;
import dev.sleet.schema.column.ByteaType;
import dev.sleet.schema.column.ColumnType;
import dev.sleet.schema.column.DateType;
import dev.sleet.schema.column.DoublePrecisionType;
import dev.sleet.schema.column.IntegerType;
import dev.sleet.schema.column.IntervalType;
import dev.sleet.schema.column.JsonType;
import dev.sleet.schema.column.NumericType;
import dev.sleet.schema.column.RealType;
import dev.sleet.schema.column.SmallintType;
import dev.sleet.schema.column.TextType;
import dev.sleet.schema.column.TimeType;
import dev.sleet.schema.column.TimestampType;
import dev.sleet.schema.column.TimestamptzType;
import dev.sleet.schema.column.UuidType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The column type Sleet uses for a Java value or class that reaches SQL without a column to take the type
 * from: arguments of {@code sql(...)}, the result type of {@code sql(Integer.class, ...)}, and result columns
 * of whole raw statements (by PostgreSQL type name).
 */
public final class ValueTypes {

    private static final Map<Class<?>, ColumnType<?>> BY_CLASS = Map.ofEntries(
            Map.entry(String.class, TextType.INSTANCE), Map.entry(Short.class, SmallintType.INSTANCE),
            Map.entry(Integer.class, IntegerType.INSTANCE), Map.entry(Long.class, BigintType.INSTANCE),
            Map.entry(BigDecimal.class, NumericType.UNCONSTRAINED), Map.entry(Float.class, RealType.INSTANCE),
            Map.entry(Double.class, DoublePrecisionType.INSTANCE), Map.entry(Boolean.class, BooleanType.INSTANCE),
            Map.entry(UUID.class, UuidType.INSTANCE), Map.entry(LocalDate.class, DateType.INSTANCE),
            Map.entry(LocalTime.class, TimeType.INSTANCE), Map.entry(LocalDateTime.class, TimestampType.INSTANCE),
            Map.entry(OffsetDateTime.class, TimestamptzType.INSTANCE), Map.entry(byte[].class, ByteaType.INSTANCE),
            Map.entry(Interval.class, IntervalType.INSTANCE));

    private static final Map<String, ColumnType<?>> BY_PG_NAME = Map.ofEntries(
            Map.entry("int2", SmallintType.INSTANCE), Map.entry("int4", IntegerType.INSTANCE),
            Map.entry("int8", BigintType.INSTANCE), Map.entry("numeric", NumericType.UNCONSTRAINED),
            Map.entry("float4", RealType.INSTANCE), Map.entry("float8", DoublePrecisionType.INSTANCE),
            Map.entry("bool", BooleanType.INSTANCE), Map.entry("uuid", UuidType.INSTANCE),
            Map.entry("date", DateType.INSTANCE), Map.entry("time", TimeType.INSTANCE),
            Map.entry("timestamp", TimestampType.INSTANCE), Map.entry("timestamptz", TimestamptzType.INSTANCE),
            Map.entry("interval", IntervalType.INSTANCE), Map.entry("bytea", ByteaType.INSTANCE),
            Map.entry("json", new JsonType<>(false, JsonNode.class)),
            Map.entry("jsonb", new JsonType<>(true, JsonNode.class)));

    private ValueTypes() {
    }

    /**
     * Returns the type that binds a value.
     *
     * @param value the value, possibly {@code null}
     * @return its type
     * @throws IllegalArgumentException for a value Sleet cannot bind without a column
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static ColumnType<Object> forValue(Object value) {
        if (value == null || value instanceof Enum<?>) {
            return UnknownType.INSTANCE;
        }
        ColumnType<?> known = BY_CLASS.get(value.getClass());
        if (known != null) {
            return (ColumnType<Object>) known;
        }
        if (value instanceof List<?> list) {
            ColumnType<?> element = TextType.INSTANCE;
            for (Object e : list) {
                if (e != null) {
                    element = forValue(e);
                    break;
                }
            }
            if (element == UnknownType.INSTANCE) {
                element = TextType.INSTANCE;   // enum labels travel as text[]; cast in the SQL
            }
            return (ColumnType) new ArrayType<>(element);
        }
        if (value instanceof Record || value instanceof Map<?, ?> || value instanceof JsonNode) {
            return (ColumnType) new JsonType<>(true, (Class) value.getClass());
        }
        throw new IllegalArgumentException("sql(...) cannot bind a " + value.getClass().getName() + ": pass a "
                + "String, number, boolean, UUID, java.time value, byte[], Interval, enum, List, record or Map, "
                + "or compare with a column instead");
    }

    /**
     * Returns the type of a Java class, for typed raw expressions.
     *
     * @param type the class
     * @param <T>  the Java type
     * @return the column type
     * @throws IllegalArgumentException for a class without a fixed PostgreSQL type
     */
    @SuppressWarnings("unchecked")
    public static <T> ColumnType<T> forClass(Class<T> type) {
        ColumnType<?> known = BY_CLASS.get(type);
        if (known != null) {
            return (ColumnType<T>) known;
        }
        if (type == JsonNode.class || type.isRecord() || Map.class.isAssignableFrom(type)) {
            return new JsonType<>(true, type);
        }
        throw new IllegalArgumentException("sql(" + type.getSimpleName() + ".class, ...) has no PostgreSQL type; "
                + "use a String, number, boolean, UUID, java.time, byte[] or Interval class, or sql(column, ...) "
                + "to type the expression like a column");
    }

    /**
     * Returns the type that reads a result column of a raw statement, by PostgreSQL type name as the driver
     * reports it ({@code int4}, {@code _text} for {@code text[]}); types Sleet has no Java class for (enums,
     * network addresses) are read as text.
     *
     * @param pgTypeName the type name
     * @return the column type
     */
    public static ColumnType<?> forPostgresType(String pgTypeName) {
        if (pgTypeName.startsWith("_")) {
            return new ArrayType<>(forPostgresType(pgTypeName.substring(1)));
        }
        ColumnType<?> known = BY_PG_NAME.get(pgTypeName);
        return known != null ? known : TextType.INSTANCE;
    }
}
