package dev.sleet.schema;

import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.column.EnumType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A PostgreSQL enum type backed by a Java enum; the labels are the enum constants' names, or their
 * {@link PgLabel}, in declaration order.
 *
 * <pre>{@code
 * public enum Role { admin, member, viewer }
 * public static final PgEnum<Role> ROLE = PgEnum.of("user_role", Role.class);
 * public final Column<Role> role = enumeration("role", AppSchema.ROLE).notNull().defaultValue(Role.member);
 * }</pre>
 *
 * @param <E> the Java enum
 */
public final class PgEnum<E extends Enum<E>> implements QueryPart {

    private final String schema;
    private final String name;
    private final Class<E> javaType;
    private final List<String> labels;
    private final Map<String, E> constants;
    private final EnumType<E> type;

    private PgEnum(String schema, String name, Class<E> javaType) {
        this.schema = schema;
        this.name = Objects.requireNonNull(name, "name");
        this.javaType = Objects.requireNonNull(javaType, "javaType");
        Naming.checkIdentifier(name, () -> "enum type for " + javaType.getName());
        if (schema != null) {
            Naming.checkIdentifier(schema, () -> "schema of enum type " + name);
        }
        E[] constants = javaType.getEnumConstants();
        if (constants == null || constants.length == 0) {
            throw new SchemaDefinitionException("enum type \"" + name + "\": " + javaType.getName()
                    + " has no constants; PostgreSQL enums need at least one label");
        }
        List<String> names = new ArrayList<>(constants.length);
        Map<String, E> byLabel = new HashMap<>();
        for (E constant : constants) {
            String label = labelOf(javaType, constant);
            if (label.isEmpty() || label.getBytes(StandardCharsets.UTF_8).length > 63) {
                throw new SchemaDefinitionException("enum type \"" + name + "\": label '" + label + "' of "
                        + javaType.getSimpleName() + "." + constant.name()
                        + " must be 1 to 63 bytes, as PostgreSQL requires");
            }
            E previous = byLabel.putIfAbsent(label, constant);
            if (previous != null) {
                throw new SchemaDefinitionException("enum type \"" + name + "\": " + javaType.getSimpleName() + "."
                        + previous.name() + " and " + constant.name() + " both have the label '" + label + "'");
            }
            names.add(label);
        }
        this.labels = Collections.unmodifiableList(names);
        this.constants = Map.copyOf(byLabel);
        this.type = new EnumType<>(this);
    }

    /**
     * Declares an enum type in the default schema.
     *
     * @param name     the PostgreSQL type name
     * @param javaType the Java enum whose constant names are the labels
     * @param <E>      the Java enum
     * @return the enum type
     */
    public static <E extends Enum<E>> PgEnum<E> of(String name, Class<E> javaType) {
        return new PgEnum<>(null, name, javaType);
    }

    /**
     * Declares an enum type in a PostgreSQL schema.
     *
     * @param schema   the PostgreSQL schema
     * @param name     the PostgreSQL type name
     * @param javaType the Java enum whose constant names are the labels
     * @param <E>      the Java enum
     * @return the enum type
     */
    public static <E extends Enum<E>> PgEnum<E> of(String schema, String name, Class<E> javaType) {
        return new PgEnum<>(Objects.requireNonNull(schema, "schema"), name, javaType);
    }

    /**
     * Returns the PostgreSQL schema, or {@code null} for the default one.
     *
     * @return the schema
     */
    public String schema() {
        return schema;
    }

    /**
     * Returns the PostgreSQL type name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the Java enum class.
     *
     * @return the class
     */
    public Class<E> javaType() {
        return javaType;
    }

    /**
     * Returns the labels in declaration order.
     *
     * @return the labels
     */
    public List<String> labels() {
        return labels;
    }

    /**
     * Returns a constant's label: its {@link PgLabel}, or its name.
     *
     * @param constant the constant
     * @return the label PostgreSQL holds
     */
    public String label(E constant) {
        return labels.get(constant.ordinal());
    }

    /**
     * Returns the constant of a label.
     *
     * @param label the label as PostgreSQL holds it
     * @return the constant, or {@code null} when no constant has that label
     */
    public E constant(String label) {
        return constants.get(label);
    }

    private static <E extends Enum<E>> String labelOf(Class<E> javaType, E constant) {
        try {
            PgLabel label = javaType.getField(constant.name()).getAnnotation(PgLabel.class);
            return label == null ? constant.name() : label.value();
        } catch (NoSuchFieldException e) {
            return constant.name();   // every constant is a public field; cannot happen
        }
    }

    /**
     * Returns the column type of this enum.
     *
     * @return the column type
     */
    public EnumType<E> type() {
        return type;
    }

    /** Renders the (schema-qualified, quoted) type name. */
    @Override
    public void render(RenderContext ctx) {
        ctx.qualified(schema, name);
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
