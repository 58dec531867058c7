package dev.sleet.internal.exec;

import dev.sleet.exec.MappingException;
import dev.sleet.exec.RowShape;
import dev.sleet.query.Field;
import dev.sleet.schema.column.ColumnType;
import dev.sleet.schema.column.EnumType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Maps result rows into records (or classes with a canonical constructor) by name: column {@code tenant_id}
 * fills component {@code tenantId}.
 *
 * <p>Everything reflective happens once per (row shape, target class), when the mapper is built and cached:
 * matching components to columns, checking types, and making a method handle of the constructor. Mapping a
 * row then reads the matched columns straight from the result set into an argument array and invokes the
 * handle, with no reflection per row.
 *
 * @param <R> the target type
 */
public final class RecordMapper<R> implements RowReader<R> {

    private static final Map<Key, RecordMapper<?>> CACHE = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Class<?>> BOXES = Map.of(
            boolean.class, Boolean.class, byte.class, Byte.class, short.class, Short.class, char.class, Character.class,
            int.class, Integer.class, long.class, Long.class, float.class, Float.class, double.class, Double.class);

    private final Class<R> type;
    private final MethodHandle constructor;
    private final int[] columns;
    private final ColumnType<?>[] types;
    private final Function<Object, Object>[] converters;
    private final boolean[] primitive;
    private final String[] components;
    private final String[] columnNames;

    @SuppressWarnings("unchecked")
    private RecordMapper(Class<R> type, MethodHandle constructor, int[] columns, ColumnType<?>[] types,
                         Function<Object, Object>[] converters, boolean[] primitive, String[] components,
                         String[] columnNames) {
        this.type = type;
        this.constructor = constructor;
        this.columns = columns;
        this.types = types;
        this.converters = converters;
        this.primitive = primitive;
        this.components = components;
        this.columnNames = columnNames;
    }

    /**
     * Returns the (cached) mapper of a row shape into a type.
     *
     * @param shape the result columns
     * @param type  the record or class
     * @param <R>   the target type
     * @return the mapper
     * @throws MappingException when the type cannot be filled from the shape
     */
    @SuppressWarnings("unchecked")
    public static <R> RecordMapper<R> of(RowShape shape, Class<R> type) {
        RecordMapper<?> mapper = CACHE.get(Key.lookup(type, shape.fields()));
        if (mapper == null) {
            mapper = build(shape, type);
            CACHE.putIfAbsent(Key.stored(type, shape.fields()), mapper);
        }
        return (RecordMapper<R>) mapper;
    }

    /**
     * What a mapper depends on: the target type and the names and column types of the result columns. A
     * lookup wraps the shape's fields as they are, so finding a cached mapper builds no list per statement;
     * a stored key keeps only the names and types, not the expressions (which can hold bound values).
     */
    private static final class Key {
        private final Class<?> type;
        private final List<Field<?>> fields;   // a lookup's
        private final String[] names;          // a stored key's
        private final ColumnType<?>[] types;
        private final int hash;

        private Key(Class<?> type, List<Field<?>> fields, String[] names, ColumnType<?>[] types) {
            this.type = type;
            this.fields = fields;
            this.names = names;
            this.types = types;
            int h = type.hashCode();
            for (int i = 0; i < size(); i++) {
                h = 31 * (31 * h + name(i).hashCode()) + columnType(i).hashCode();
            }
            this.hash = h;
        }

        static Key lookup(Class<?> type, List<Field<?>> fields) {
            return new Key(type, fields, null, null);
        }

        static Key stored(Class<?> type, List<Field<?>> fields) {
            String[] names = new String[fields.size()];
            ColumnType<?>[] types = new ColumnType<?>[fields.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = fields.get(i).name();
                types[i] = fields.get(i).type();   // the type, not its Java class: text[] and jsonb can both be a List
            }
            return new Key(type, null, names, types);
        }

        private int size() {
            return fields != null ? fields.size() : names.length;
        }

        private String name(int i) {
            return fields != null ? fields.get(i).name() : names[i];
        }

        private ColumnType<?> columnType(int i) {
            return fields != null ? fields.get(i).type() : types[i];
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key other) || other.hash != hash || other.type != type || other.size() != size()) {
                return false;
            }
            for (int i = 0; i < size(); i++) {
                if (!name(i).equals(other.name(i)) || !columnType(i).equals(other.columnType(i))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    @Override
    public R read(ResultSet rs) throws SQLException {
        Object[] args = new Object[columns.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = types[i].read(rs, columns[i] + 1);
        }
        return construct(args);
    }

    /**
     * Maps values already read into a row.
     *
     * @param values the row's values in shape order
     * @return the record
     */
    public R fromValues(Object[] values) {
        Object[] args = new Object[columns.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = values[columns[i]];
        }
        return construct(args);
    }

    private R construct(Object[] args) {
        for (int i = 0; i < args.length; i++) {
            Object v = args[i];
            if (v == null) {
                if (primitive[i]) {
                    throw new MappingException(type.getSimpleName() + "." + components[i] + " is a primitive, but column "
                            + columnNames[i] + " is null; make the component a wrapper type (e.g. Long)");
                }
            } else if (converters[i] != null) {
                args[i] = converters[i].apply(v);
            }
        }
        try {
            return type.cast((Object) constructor.invokeExact(args));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new MappingException("the constructor of " + type.getName() + " failed: " + e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <R> RecordMapper<R> build(RowShape shape, Class<R> type) {
        Constructor<R> ctor;
        String[] names;
        Class<?>[] paramTypes;
        if (type.isRecord()) {
            RecordComponent[] rc = type.getRecordComponents();
            names = new String[rc.length];
            paramTypes = new Class<?>[rc.length];
            for (int i = 0; i < rc.length; i++) {
                names[i] = rc[i].getName();
                paramTypes[i] = rc[i].getType();
            }
            try {
                ctor = type.getDeclaredConstructor(paramTypes);
            } catch (NoSuchMethodException e) {
                throw new MappingException("record " + type.getName() + " has no canonical constructor");
            }
        } else {
            ctor = canonicalConstructor(type);
            Parameter[] params = ctor.getParameters();
            names = new String[params.length];
            paramTypes = ctor.getParameterTypes();
            for (int i = 0; i < params.length; i++) {
                if (!params[i].isNamePresent()) {
                    throw new MappingException("the constructor parameters of " + type.getName() + " have no names; "
                            + "compile with javac -parameters, or use a record");
                }
                names[i] = params[i].getName();
            }
        }
        if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            throw new MappingException(type.getName() + " is an inner class; make it static or a record");
        }

        int n = names.length;
        int[] columns = new int[n];
        ColumnType<?>[] types = new ColumnType<?>[n];
        Function<Object, Object>[] converters = new Function[n];
        boolean[] primitive = new boolean[n];
        String[] columnNames = new String[n];
        List<Field<?>> fields = shape.fields();
        for (int i = 0; i < n; i++) {
            String wanted = normalise(names[i]);
            int found = -1;
            for (int c = 0; c < fields.size(); c++) {
                if (normalise(fields.get(c).name()).equals(wanted)) {
                    if (found >= 0) {
                        throw new MappingException(type.getSimpleName() + "." + names[i] + " matches two columns, "
                                + describe(fields.get(found)) + " and " + describe(fields.get(c))
                                + "; select only one of them or give one an alias with as(...)");
                    }
                    found = c;
                }
            }
            if (found < 0) {
                List<String> available = new ArrayList<>();
                for (Field<?> f : fields) {
                    available.add(f.name());
                }
                throw new MappingException(type.getSimpleName() + "." + names[i] + " has no matching column in the "
                        + "result; expected a column named " + toSnake(names[i]) + " among " + available);
            }
            Field<?> field = fields.get(found);
            columns[i] = found;
            types[i] = field.type();
            columnNames[i] = describe(field);
            primitive[i] = paramTypes[i].isPrimitive();
            if (field.type() instanceof NestedType) {
                continue;   // related rows, already decoded into the component's type
            }
            Class<?> target = primitive[i] ? BOXES.get(paramTypes[i]) : paramTypes[i];
            Class<?> source = field.type().javaType();
            if (!target.isAssignableFrom(source)) {
                converters[i] = field.type() instanceof EnumType<?> e && target == String.class
                        ? v -> label(e, v) : converter(source, target);
                if (converters[i] == null) {
                    throw new MappingException(type.getSimpleName() + "." + names[i] + " is " + paramTypes[i].getName()
                            + ", but column " + columnNames[i] + " is " + field.type().sqlName() + " ("
                            + source.getName() + "); change the component to " + source.getSimpleName());
                }
            }
        }
        MethodHandle handle;
        try {
            ctor.setAccessible(true);
            handle = MethodHandles.lookup().unreflectConstructor(ctor)
                    .asSpreader(Object[].class, n)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (IllegalAccessException | RuntimeException e) {
            throw new MappingException("cannot call the constructor of " + type.getName() + ": " + e.getMessage()
                    + "; make the type accessible (public, or its package opened to dev.sleet.core)");
        }
        return new RecordMapper<>(type, handle, columns, types, converters, primitive, names, columnNames);
    }

    /**
     * Returns the generic types of the components (or canonical constructor parameters) of a type, by
     * normalised name ({@code tenant_id}, {@code tenantId} → {@code tenantid}), in declaration order; empty when
     * the names are not known.
     *
     * @param type the record or class
     * @return normalised name → generic type
     */
    public static Map<String, java.lang.reflect.Type> componentTypes(Class<?> type) {
        Map<String, java.lang.reflect.Type> out = new java.util.LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent rc : type.getRecordComponents()) {
                out.put(normalise(rc.getName()), rc.getGenericType());
            }
            return out;
        }
        try {
            Constructor<?> ctor = canonicalConstructor(type);
            Parameter[] params = ctor.getParameters();
            java.lang.reflect.Type[] generic = ctor.getGenericParameterTypes();
            for (int i = 0; i < params.length && generic.length == params.length; i++) {
                if (params[i].isNamePresent()) {
                    out.put(normalise(params[i].getName()), generic[i]);
                }
            }
        } catch (MappingException e) {
            // reported by of(...) when the mapper is built
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <R> Constructor<R> canonicalConstructor(Class<R> type) {
        Constructor<R> best = null;
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (Modifier.isPrivate(c.getModifiers()) || c.isSynthetic()) {
                continue;
            }
            if (best == null || c.getParameterCount() > best.getParameterCount()) {
                best = (Constructor<R>) c;
            }
        }
        if (best == null || best.getParameterCount() == 0) {
            throw new MappingException(type.getName() + " has no constructor with parameters to map columns into; "
                    + "use a record or add a constructor taking every field");
        }
        return best;
    }

    /** Widening conversions a careful hand would apply; everything else is a mismatch to report. */
    private static Function<Object, Object> converter(Class<?> source, Class<?> target) {
        if (Number.class.isAssignableFrom(source)) {
            if (target == Long.class && (source == Integer.class || source == Short.class)) {
                return v -> ((Number) v).longValue();
            }
            if (target == Integer.class && source == Short.class) {
                return v -> ((Number) v).intValue();
            }
            if (target == Double.class && source == Float.class) {
                return v -> ((Number) v).doubleValue();
            }
            if (target == BigDecimal.class && (source == Integer.class || source == Long.class || source == Short.class)) {
                return v -> BigDecimal.valueOf(((Number) v).longValue());
            }
            if (target == BigInteger.class && (source == Integer.class || source == Long.class || source == Short.class)) {
                return v -> BigInteger.valueOf(((Number) v).longValue());
            }
        }
        if (target == String.class && source.isEnum()) {
            return v -> ((Enum<?>) v).name();
        }
        return null;
    }

    /** An enum column read into a {@code String} component gets the label PostgreSQL holds. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object label(EnumType<?> type, Object value) {
        return ((EnumType) type).pgEnum().label((Enum) value);
    }

    private static String describe(Field<?> field) {
        return field instanceof dev.sleet.schema.Column<?> c ? c.toString() : field.name();
    }

    /**
     * Normalises a name for matching: {@code tenant_id}, {@code tenantId} and {@code TenantID} all become
     * {@code tenantid}.
     *
     * @param name a column or component name
     * @return the normalised name
     */
    public static String normalise(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static String toSnake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
