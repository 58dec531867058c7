package dev.sleet.schema;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The objects of a schema: every table, enum, sequence, view and role found in the public static fields of one
 * or more schema classes, in declaration order.
 *
 * <pre>{@code
 * public final class AppSchema {
 *     public static final PgEnum<Role> ROLE = PgEnum.of("user_role", Role.class);
 *     public static final Users USERS = Users.USERS;
 * }
 * Schema schema = Schema.of(AppSchema.class);
 * }</pre>
 *
 * @param enums     the enum types
 * @param tables    the tables
 * @param sequences the standalone sequences
 * @param views     the views and materialized views, in declaration order (a view may read the ones before it)
 * @param roles     the roles, both those the schema creates and {@link PgRole#existing existing} ones
 */
public record Schema(List<PgEnum<?>> enums, List<Table> tables, List<PgSequence> sequences, List<PgView> views,
                     List<PgRole> roles) {

    /**
     * Copies the lists and checks that names are not used twice.
     *
     * @param enums     the enum types
     * @param tables    the tables
     * @param sequences the sequences
     * @param views     the views
     * @param roles     the roles
     * @throws SchemaDefinitionException when two objects share a name, or a view has no query
     */
    public Schema {
        enums = List.copyOf(enums);
        tables = List.copyOf(tables);
        sequences = List.copyOf(sequences);
        views = List.copyOf(views);
        roles = List.copyOf(roles);
        Map<String, String> relations = new HashMap<>();
        for (Table t : tables) {
            unique(relations, t.schema(), t.name(), "table " + t.qualifiedName());
        }
        for (PgSequence s : sequences) {
            unique(relations, s.schema(), s.name(), s.toString());
        }
        for (PgView v : views) {
            unique(relations, v.schema(), v.name(), v.toString());
            v.definition();
        }
        Map<String, String> roleNames = new HashMap<>();
        for (PgRole r : roles) {
            unique(roleNames, null, r.name(), r.toString());
        }
    }

    /**
     * A schema of tables and enums only.
     *
     * @param enums  the enum types
     * @param tables the tables
     */
    public Schema(List<PgEnum<?>> enums, List<Table> tables) {
        this(enums, tables, List.of(), List.of(), List.of());
    }

    /** Tables, sequences and views share one namespace per PostgreSQL schema (pg_class). */
    private static void unique(Map<String, String> seen, String schema, String name, String what) {
        String previous = seen.put((schema == null ? "" : schema) + "." + name, what);
        if (previous != null) {
            throw new SchemaDefinitionException(what + " has the same name as " + previous);
        }
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
        Set<PgSequence> sequences = new LinkedHashSet<>();
        Set<PgView> views = new LinkedHashSet<>();
        Set<PgRole> roles = new LinkedHashSet<>();
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
                } else if (value instanceof PgSequence s) {
                    sequences.add(s);
                    found++;
                } else if (value instanceof PgView v) {
                    views.add(v);
                    found++;
                } else if (value instanceof PgRole r) {
                    roles.add(r);
                    found++;
                } else if (value == null && isSchemaObject(f.getType())) {
                    throw new SchemaDefinitionException("schema class " + type.getName() + ", field " + f.getName()
                            + " is null: a class it copies was still initialising, which happens when a table "
                            + "class reads this schema class (for an enum, say) while this class reads the table; "
                            + "keep enums in a class of their own");
                }
            }
            if (found == 0) {
                throw new SchemaDefinitionException("schema class " + type.getName() + " has no public static "
                        + "Table, PgEnum, PgSequence, PgView or PgRole fields");
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
        for (Table t : tables) {
            for (Policy p : t.policies()) {
                for (String role : p.roles()) {
                    if (!PgRole.isPseudoRole(role) && roles.stream().noneMatch(r -> r.name().equals(role))) {
                        throw new SchemaDefinitionException("table \"" + t.qualifiedName() + "\", policy \""
                                + p.name() + "\": role \"" + role + "\" is not declared; add a PgRole field for it ("
                                + "PgRole.existing(\"" + role + "\") when the platform owns it)");
                    }
                }
            }
        }
        for (Table t : tables) {
            for (Grant g : t.grants()) {
                if (!PgRole.isPseudoRole(g.role()) && roles.stream().noneMatch(r -> r.name().equals(g.role()))) {
                    throw new SchemaDefinitionException("table \"" + t.qualifiedName() + "\", grant to \"" + g.role()
                            + "\": the role is not declared; add a PgRole field for it (PgRole.existing(\""
                            + g.role() + "\") when the platform owns it)");
                }
            }
        }
        return new Schema(new ArrayList<>(enums), new ArrayList<>(tables), new ArrayList<>(sequences),
                new ArrayList<>(views), new ArrayList<>(roles));
    }

    private static boolean isSchemaObject(Class<?> type) {
        return Table.class.isAssignableFrom(type) || PgEnum.class.isAssignableFrom(type)
                || type == PgSequence.class || type == PgView.class || type == PgRole.class;
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
        for (PgSequence s : sequences) {
            if (s.schema() != null) {
                names.add(s.schema());
            }
        }
        for (PgView v : views) {
            if (v.schema() != null) {
                names.add(v.schema());
            }
        }
        return List.copyOf(names);
    }
}
