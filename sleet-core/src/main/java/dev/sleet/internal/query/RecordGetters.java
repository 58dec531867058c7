package dev.sleet.internal.query;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accessors of a record class as method handles typed {@code (Object)Object}, made once per class.
 * Inserts and {@code COPY} read every row through them; making them again for each statement would spin new
 * lambda forms each time and never let the JIT settle.
 */
final class RecordGetters {

    private static final ClassValue<MethodHandle[]> GETTERS = new ClassValue<>() {
        @Override
        protected MethodHandle[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            MethodHandle[] out = new MethodHandle[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent rc = components[i];
                try {
                    rc.getAccessor().setAccessible(true);
                    out[i] = MethodHandles.lookup().unreflect(rc.getAccessor())
                            .asType(MethodType.methodType(Object.class, Object.class));
                } catch (IllegalAccessException | RuntimeException e) {
                    throw new IllegalArgumentException("cannot read record " + type.getName() + ": "
                            + e.getMessage(), e);
                }
            }
            return out;
        }
    };

    private RecordGetters() {
    }

    /**
     * Returns a reader of some of a record class's components, in a chosen order.
     *
     * @param type       the record class
     * @param components positions in {@link Class#getRecordComponents()}, in the order the values are wanted
     * @return the reader
     */
    static Reader reader(Class<?> type, int[] components) {
        Map<Order, Reader> readers = READERS.get(type);
        Order order = new Order(components.clone());
        Reader reader = readers.get(order);
        return reader != null ? reader
                : readers.computeIfAbsent(order, o -> new Reader(type, o.components(), Reader.MAX_COMBINED));
    }

    // One reader per (record class, components read, in order), kept for the class's life. A COPY asks for its
    // reader once per call: a new combined handle each time would be customised and compiled by the JVM anew in
    // every call, which cost a COPY of 10,000 rows more than encoding them.
    private static final ClassValue<Map<Order, Reader>> READERS = new ClassValue<>() {
        @Override
        protected Map<Order, Reader> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /** Which components a reader reads, in order; equal by content. */
    private record Order(int[] components) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Order other && Arrays.equals(components, other.components);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(components);
        }
    }

    /**
     * Reads chosen components of records of one class into a new array, through one method handle that calls
     * every accessor: once per row rather than once per component. Each call through a handle the JIT cannot
     * see as a constant costs a few nanoseconds of dispatch, which for a row of a dozen columns was more than
     * the accessors themselves.
     */
    static final class Reader {
        /** Past this many components one handle would need too many arguments; read one by one. */
        private static final int MAX_COMBINED = 200;

        private final Class<?> type;
        private final int[] components;
        private final MethodHandle all;   // (Object)Object[], or null: one by one

        /** The reader; {@code maxCombined} is a parameter so that tests can choose either way of reading. */
        Reader(Class<?> type, int[] components, int maxCombined) {
            this.type = type;
            this.components = components;
            MethodHandle[] getters = GETTERS.get(type);
            if (components.length > maxCombined) {
                this.all = null;
                return;
            }
            // (v0, ..., vn) -> new Object[] {v0, ..., vn}, each v read by its getter from the one argument
            MethodHandle collect = MethodHandles.identity(Object[].class).asCollector(Object[].class,
                    components.length);
            MethodHandle[] filters = new MethodHandle[components.length];
            for (int i = 0; i < filters.length; i++) {
                filters[i] = getters[components[i]];
            }
            this.all = MethodHandles.permuteArguments(MethodHandles.filterArguments(collect, 0, filters),
                    MethodType.methodType(Object[].class, Object.class), new int[components.length]);
        }

        /**
         * Reads the components.
         *
         * @param record a record of the class
         * @return a new array of the values, in the order asked for; the caller owns it
         * @throws IllegalStateException when an accessor throws a checked exception, naming the component
         */
        Object[] read(Record record) {
            if (all == null) {
                Object[] values = new Object[components.length];
                for (int i = 0; i < values.length; i++) {
                    values[i] = component(record, components[i]);
                }
                return values;
            }
            try {
                return (Object[]) all.invokeExact((Object) record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                // an accessor threw a checked exception: read one by one to name it
                for (int k : components) {
                    component(record, k);
                }
                throw new IllegalStateException("reading " + type.getSimpleName() + " failed: " + e, e);
            }
        }

        private Object component(Record record, int k) {
            try {
                return (Object) GETTERS.get(type)[k].invokeExact((Object) record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("reading " + type.getSimpleName() + "."
                        + type.getRecordComponents()[k].getName() + " failed: " + e, e);
            }
        }
    }

    /**
     * Returns the boxed type of a component's type, for assignability checks.
     *
     * @param rc the component
     * @return its type, boxed when primitive
     */
    static Class<?> boxedType(RecordComponent rc) {
        return rc.getType().isPrimitive() ? MethodType.methodType(rc.getType()).wrap().returnType() : rc.getType();
    }
}
