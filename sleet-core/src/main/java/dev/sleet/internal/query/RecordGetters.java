package dev.sleet.internal.query;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;

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
     * Returns the getter of a record component.
     *
     * @param type      the record class
     * @param component the component's position in {@link Class#getRecordComponents()}
     * @return a handle typed {@code (Object)Object}
     * @throws IllegalArgumentException when the accessor cannot be made accessible
     */
    static MethodHandle of(Class<?> type, int component) {
        return GETTERS.get(type)[component];
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
