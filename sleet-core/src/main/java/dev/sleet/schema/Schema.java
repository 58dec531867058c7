package dev.sleet.schema;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The objects of a schema: every table and enum found in the public static fields of one or more schema
 * classes, in declaration order.
 *
 * <pre>{@code
 * public final class AppSchema {
 *     public static final PgEnum<Role> ROLE = PgEnum.of("user_role", Role.class);
 *     public static final Users USERS = Users.USERS;
 * }
 * Schema schema = Schema.of(AppSchema.class);
 * }</pre>
 *
 * @param enums   the enum types
 * @param tables  the tables
 */
public record Schema(List<PgEnum<?>> enums, List<Table> tables) {

    /**
     * Copies the lists.
     *
     * @param enums  the enum types
     * @param tables the tables
     */
    public Schema {
        enums = List.copyOf(enums);
        tables = List.copyOf(tables);
    }

    /**
     * Reads the public static {@link Table} and {@link PgEnum} fields of schema classes. Enums used by a
     * table's columns are included even when no field names them.
     *
     * @param schemaClasses the classes
     * @return the schema
     * @throws SchemaDefinitionException when a class declares nothing, or a field is null
     */
    public static Schema of(Class<?>... schemaClasses) {
        Set<PgEnum<?>> enums = new LinkedHashSet<>();
        Set<Table> tables = new LinkedHashSet<>();
        for (Class<?> type : schemaClasses) {
            int found = 0;
            for (Field f : type.getFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                Object value;
                try {
                    value = f.get(null);
                } catch (IllegalAccessException e) {
                    throw new SchemaDefinitionException("schema class " + type.getName() + ": cannot read field "
                            + f.getName() + ": " + e.getMessage());
                } catch (ExceptionInInitializerError e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    throw new SchemaDefinitionException("schema class " + type.getName() + ", field " + f.getName()
                            + ": " + cause.getMessage());
                }
                if (value instanceof Table t) {
                    tables.add(t);
                    found++;
                } else if (value instanceof PgEnum<?> e) {
                    enums.add(e);
                    found++;
                } else if (value == null && (Table.class.isAssignableFrom(f.getType())
                        || PgEnum.class.isAssignableFrom(f.getType()))) {
                    throw new SchemaDefinitionException("schema class " + type.getName() + ", field " + f.getName()
                            + " is null: a class it copies was still initialising, which happens when a table "
                            + "class reads this schema class (for an enum, say) while this class reads the table; "
                            + "keep enums in a class of their own");
                }
            }
            if (found == 0) {
                throw new SchemaDefinitionException("schema class " + type.getName() + " has no public static "
                        + "Table or PgEnum fields");
            }
        }
        for (Table t : tables) {
            for (Column<?> c : t.columns()) {
                if (c.type() instanceof dev.sleet.schema.column.EnumType<?> et) {
                    enums.add(et.pgEnum());
                } else if (c.type() instanceof dev.sleet.schema.column.ArrayType<?> at
                        && at.element() instanceof dev.sleet.schema.column.EnumType<?> et) {
                    enums.add(et.pgEnum());
                }
            }
        }
        return new Schema(new ArrayList<>(enums), new ArrayList<>(tables));
    }

    /**
     * Returns the PostgreSQL schemas the objects live in, other than the default.
     *
     * @return schema names, sorted
     */
    public List<String> schemaNames() {
        Set<String> names = new TreeSet<>();
        for (Table t : tables) {
            if (t.schema() != null) {
                names.add(t.schema());
            }
        }
        for (PgEnum<?> e : enums) {
            if (e.schema() != null) {
                names.add(e.schema());
            }
        }
        return List.copyOf(names);
    }
}
