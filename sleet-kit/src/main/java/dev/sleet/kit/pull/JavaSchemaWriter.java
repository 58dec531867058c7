package dev.sleet.kit.pull;

import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.EnumSnapshot;
import dev.sleet.kit.snapshot.GrantSnapshot;
import dev.sleet.kit.snapshot.IdentitySnapshot;
import dev.sleet.kit.snapshot.PolicySnapshot;
import dev.sleet.kit.snapshot.RoleSnapshot;
import dev.sleet.kit.snapshot.SequenceSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;
import dev.sleet.schema.PgRole;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a {@link Snapshot}, usually one {@link dev.sleet.kit.introspect.Introspector} read from a database, as
 * Java schema classes: one {@link dev.sleet.schema.Table} class per table, one Java enum per PostgreSQL enum,
 * {@code <Name>Enums} holding the {@link dev.sleet.schema.PgEnum} constants (in a class of their own, so that
 * table classes can read them while the schema class reads the tables), and {@code <Name>Schema} listing
 * everything for {@link dev.sleet.schema.Schema#of(Class[])}.
 *
 * <p>The code is written the way a person would: camelCase fields, constraint names left out where they are the
 * names Sleet would give, defaults as {@code defaultNow()}, {@code defaultRandom()} or {@code defaultValue(...)}
 * where that says exactly what the catalog holds, SQL text otherwise. What the DSL cannot say (a type without a
 * factory, an enum label that is no Java name, a primary key with a name of its own, ...) is written as close
 * as it goes, with a {@code // TODO} comment naming the difference.
 *
 * <pre>{@code
 * Snapshot live = Introspector.read(connection, IntrospectFilter.all());
 * List<Path> files = JavaSchemaWriter.of(live, "com.example.db", "App").writeTo(Path.of("src/main/java"));
 * }</pre>
 */
public final class JavaSchemaWriter {

    private final Snapshot snapshot;
    private final String packageName;
    private final String name;
    private final Map<String, String> tableClasses = new HashMap<>();
    private final Map<String, Map<String, String>> fields = new HashMap<>();
    private final Map<String, String> enumClasses = new HashMap<>();
    private final Map<String, String> enumConstants = new HashMap<>();
    /** By Java enum class: each label to its constant. */
    private final Map<String, Map<String, String>> labelConstants = new HashMap<>();

    private JavaSchemaWriter(Snapshot snapshot, String packageName, String name) {
        this.snapshot = snapshot;
        this.packageName = packageName;
        this.name = name;
        Set<String> classes = new HashSet<>(Set.of(schemaClass(), enumsClass()));
        for (EnumSnapshot e : snapshot.enums()) {
            enumClasses.put(key(e.schema(), e.name()), unique(classes, JavaText.pascal(e.name()),
                    e.schema() == null ? "Type" : JavaText.pascal(e.schema())));
        }
        for (EnumSnapshot e : snapshot.enums()) {
            labelConstants.put(enumClasses.get(key(e.schema(), e.name())), constantsOf(e));
        }
        Set<String> constants = new HashSet<>();
        for (EnumSnapshot e : snapshot.enums()) {
            enumConstants.put(key(e.schema(), e.name()), unique(constants, JavaText.constant(e.name()),
                    e.schema() == null ? "TYPE" : JavaText.constant(e.schema())));
        }
        for (TableSnapshot t : snapshot.tables()) {
            // A class named like its constant (table "t": class T, constant T) would make "T.T" read the field
            // being initialised; such a class gets "Table" appended.
            String className = JavaText.pascal(t.name());
            if (className.equals(constant(t))) {
                className += "Table";
            }
            tableClasses.put(key(t.schema(), t.name()), unique(classes, className,
                    t.schema() == null ? "Table" : JavaText.pascal(t.schema())));
            Map<String, String> columns = new LinkedHashMap<>();
            // the table's own constant is a field of the class too
            Set<String> taken = new HashSet<>(Set.of(constant(t)));
            for (ColumnSnapshot c : t.columns()) {
                columns.put(c.name(), unique(taken, JavaText.camel(c.name()), "Column"));
            }
            fields.put(key(t.schema(), t.name()), columns);
        }
    }

    /**
     * Creates a writer.
     *
     * @param snapshot    the schema to write
     * @param packageName the Java package, e.g. {@code com.example.db}
     * @param name        the prefix of the schema and enums classes: {@code App} gives {@code AppSchema} and
     *                    {@code AppEnums}
     * @return the writer
     * @throws IllegalArgumentException when the package or the name is not a Java name
     */
    public static JavaSchemaWriter of(Snapshot snapshot, String packageName, String name) {
        Objects.requireNonNull(snapshot, "snapshot");
        if (packageName == null || !packageName.matches("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*")) {
            throw new IllegalArgumentException("package '" + packageName + "' is not a Java package name, "
                    + "e.g. com.example.db");
        }
        if (name == null || !JavaText.isIdentifier(name)) {
            throw new IllegalArgumentException("schema name '" + name + "' is not a Java identifier, e.g. App");
        }
        return new JavaSchemaWriter(snapshot, packageName, name);
    }

    /**
     * Returns the sources, by path relative to the source root ({@code com/example/db/Users.java}).
     *
     * @return the files in a stable order: enums, enums holder, tables, schema class
     */
    public Map<String, String> sources() {
        Map<String, String> out = new LinkedHashMap<>();
        String dir = packageName.replace('.', '/') + "/";
        for (EnumSnapshot e : snapshot.enums()) {
            String cls = enumClasses.get(key(e.schema(), e.name()));
            out.put(dir + cls + ".java", enumSource(e, cls));
        }
        if (!snapshot.enums().isEmpty()) {
            out.put(dir + enumsClass() + ".java", enumsSource());
        }
        for (TableSnapshot t : snapshot.tables()) {
            String cls = tableClasses.get(key(t.schema(), t.name()));
            out.put(dir + cls + ".java", new TableWriter(this, t, cls).source());
        }
        out.put(dir + schemaClass() + ".java", schemaSource());
        return out;
    }

    /**
     * Writes the sources under a source root, creating the package folders and replacing files of the same name.
     *
     * @param sourceRoot the source folder, e.g. {@code src/main/java}
     * @return the files written
     * @throws IOException when a file cannot be written
     */
    public List<Path> writeTo(Path sourceRoot) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> e : sources().entrySet()) {
            Path file = sourceRoot.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            written.add(file);
        }
        return written;
    }

    /**
     * Returns the fully qualified name of the schema class, for {@code Schema.of(...)} after compiling.
     *
     * @return e.g. {@code com.example.db.AppSchema}
     */
    public String schemaClassName() {
        return packageName + "." + schemaClass();
    }

    // ---------------------------------------------------------------------------------------- enums

    private String enumSource(EnumSnapshot e, String cls) {
        Map<String, String> constants = labelConstants.get(cls);
        boolean relabelled = constants.entrySet().stream().anyMatch(c -> !c.getKey().equals(c.getValue()));
        StringBuilder s = header();
        if (relabelled) {
            s.append("import dev.sleet.schema.PgLabel;\n\n");
        }
        s.append("/** The labels of the PostgreSQL enum {@code ").append(JavaText.comment(qualified(e.schema(), e.name())))
                .append("}, in this order: each constant's name, or its {@code @PgLabel}. */\n");
        s.append("public enum ").append(cls).append(" {\n");
        List<String> lines = new ArrayList<>();
        constants.forEach((label, constant) -> lines.add(label.equals(constant) ? "    " + constant
                : "    @PgLabel(" + JavaText.literal(label) + ") " + constant));
        s.append(String.join(",\n", lines)).append("\n}\n");
        return s.toString();
    }

    /** A label that is a Java name is its own constant; any other gets a constant name and a {@code @PgLabel}. */
    private static Map<String, String> constantsOf(EnumSnapshot e) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (String label : e.values()) {
            if (JavaText.isIdentifier(label) && !label.equals("_") && taken.add(label)) {
                out.put(label, label);
            }
        }
        for (String label : e.values()) {
            if (!out.containsKey(label)) {
                out.put(label, unique(taken, JavaText.constant(label), "VALUE"));
            }
        }
        // declaration order is the label order
        Map<String, String> ordered = new LinkedHashMap<>();
        e.values().forEach(label -> ordered.put(label, out.get(label)));
        return ordered;
    }

    /**
     * Returns the constant of an enum label, for a default.
     *
     * @param enumClass the Java enum class written for the PostgreSQL enum
     * @param label     the label
     * @return the constant, or {@code null} for a label the enum does not have
     */
    String labelConstant(String enumClass, String label) {
        return labelConstants.getOrDefault(enumClass, Map.of()).get(label);
    }

    private String enumsSource() {
        StringBuilder s = header();
        s.append("import dev.sleet.schema.PgEnum;\n\n");
        s.append("/** The PostgreSQL enums, in a class of their own so that tables can use them while ")
                .append(schemaClass()).append(" lists the tables. */\n");
        s.append("public final class ").append(enumsClass()).append(" {\n\n");
        for (EnumSnapshot e : snapshot.enums()) {
            String k = key(e.schema(), e.name());
            String cls = enumClasses.get(k);
            s.append("    public static final PgEnum<").append(cls).append("> ").append(enumConstants.get(k))
                    .append(" = PgEnum.of(").append(e.schema() == null ? "" : JavaText.literal(e.schema()) + ", ")
                    .append(JavaText.literal(e.name())).append(", ").append(cls).append(".class);\n");
        }
        s.append("\n    private ").append(enumsClass()).append("() {\n    }\n}\n");
        return s.toString();
    }

    // ---------------------------------------------------------------------------------------- schema class

    private String schemaSource() {
        StringBuilder s = header();
        s.append("import dev.sleet.schema.*;\n\n");
        s.append("/** The schema pulled from the database: pass it to {@code Schema.of(").append(schemaClass())
                .append(".class)}. */\n");
        s.append("public final class ").append(schemaClass()).append(" {\n\n");
        Set<String> taken = new HashSet<>();
        for (EnumSnapshot e : snapshot.enums()) {
            String k = key(e.schema(), e.name());
            String c = unique(taken, enumConstants.get(k), "ENUM");
            s.append("    public static final PgEnum<").append(enumClasses.get(k)).append("> ").append(c).append(" = ")
                    .append(enumsClass()).append('.').append(enumConstants.get(k)).append(";\n");
        }
        for (String line : roleLines(taken)) {
            s.append(line);
        }
        for (SequenceSnapshot q : snapshot.sequences()) {
            List<String> chain = new ArrayList<>();
            chain.add("PgSequence.of(" + (q.schema() == null ? "" : JavaText.literal(q.schema()) + ", ")
                    + JavaText.literal(q.name()) + ")");
            if (q.type() != null && !q.type().equals("bigint")) {
                chain.add(".as(" + JavaText.literal(q.type()) + ")");
            }
            String options = identityOptions(q.start(), q.increment(), q.minValue(), q.maxValue(), q.cache(),
                    q.cycle());
            if (options != null) {
                chain.add(".options(" + options + ")");
            }
            if (q.comment() != null) {
                chain.add(".comment(" + JavaText.literal(q.comment()) + ")");
            }
            s.append(TableWriter.wrap("    public static final PgSequence "
                    + unique(taken, JavaText.constant(q.name()), "SEQ") + " = ", chain)).append(";\n");
        }
        for (TableSnapshot t : snapshot.tables()) {
            String cls = tableClasses.get(key(t.schema(), t.name()));
            s.append("    public static final ").append(cls).append(' ')
                    .append(unique(taken, constant(t), "TABLE")).append(" = ").append(cls).append('.')
                    .append(constant(t)).append(";\n");
        }
        for (ViewSnapshot v : snapshot.views()) {
            s.append("    public static final PgView ").append(unique(taken, JavaText.constant(v.name()), "VIEW"))
                    .append(" = PgView.").append(v.materialized() ? "materialized(" : "of(")
                    .append(v.schema() == null ? "" : JavaText.literal(v.schema()) + ", ")
                    .append(JavaText.literal(v.name())).append(")\n            .as(")
                    .append(JavaText.literal(v.definition())).append(')');
            if (v.securityInvoker()) {
                s.append(".securityInvoker()");
            }
            if (v.withNoData()) {
                s.append(".withNoData()");
            }
            if (v.comment() != null) {
                s.append(".comment(").append(JavaText.literal(v.comment())).append(')');
            }
            s.append(";\n");
        }
        s.append("\n    private ").append(schemaClass()).append("() {\n    }\n}\n");
        return s.toString();
    }

    /**
     * Roles: those read with the snapshot as roles Sleet manages, the others that policies and grants name as existing
     * roles, which Sleet does not create ({@link dev.sleet.schema.Schema#of} wants every role a policy names).
     */
    private List<String> roleLines(Set<String> taken) {
        List<String> lines = new ArrayList<>();
        Set<String> declared = new HashSet<>();
        for (RoleSnapshot r : snapshot.roles()) {
            declared.add(r.name());
            StringBuilder s = new StringBuilder("    public static final PgRole ")
                    .append(unique(taken, JavaText.constant(r.name()), "ROLE")).append(" = PgRole.of(")
                    .append(JavaText.literal(r.name())).append(')');
            if (r.login()) {
                s.append(".login()");
            }
            if (r.createDb()) {
                s.append(".createDb()");
            }
            if (r.createRole()) {
                s.append(".createRole()");
            }
            if (!r.inherit()) {
                s.append(".noInherit()");
            }
            if (r.bypassRls()) {
                s.append(".bypassRls()");
            }
            lines.add(s.append(";\n").toString());
        }
        Set<String> existing = new TreeSet<>();
        for (TableSnapshot t : snapshot.tables()) {
            for (PolicySnapshot p : t.policies()) {
                for (String role : p.roles()) {
                    if (!PgRole.isPseudoRole(role) && !declared.contains(role)) {
                        existing.add(role);
                    }
                }
            }
            for (GrantSnapshot g : t.grants()) {
                if (!PgRole.isPseudoRole(g.role()) && !declared.contains(g.role())) {
                    existing.add(g.role());
                }
            }
        }
        for (String role : existing) {
            lines.add("    public static final PgRole " + unique(taken, JavaText.constant(role), "ROLE")
                    + " = PgRole.existing(" + JavaText.literal(role) + ");\n");
        }
        return lines;
    }

    // ---------------------------------------------------------------------------------------- shared

    StringBuilder header() {
        return new StringBuilder("package ").append(packageName).append(";\n\n");
    }

    String schemaClass() {
        return name + "Schema";
    }

    String enumsClass() {
        return name + "Enums";
    }

    String tableClass(String schema, String table) {
        return tableClasses.get(key(schema, table));
    }

    Map<String, String> fieldsOf(String schema, String table) {
        return fields.get(key(schema, table));
    }

    TableSnapshot table(String schema, String table) {
        return snapshot.table(schema, table).orElse(null);
    }

    /** The enum a column type names ({@code "plan"}, {@code "app"."plan"}), or {@code null}. */
    EnumSnapshot enumOfType(String type) {
        for (EnumSnapshot e : snapshot.enums()) {
            String quoted = (e.schema() == null ? "" : quote(e.schema()) + ".") + quote(e.name());
            if (quoted.equals(type)) {
                return e;
            }
        }
        return null;
    }

    String enumClass(EnumSnapshot e) {
        return enumClasses.get(key(e.schema(), e.name()));
    }

    String enumConstant(EnumSnapshot e) {
        return enumConstants.get(key(e.schema(), e.name()));
    }

    static String constant(TableSnapshot t) {
        return JavaText.constant(t.name());
    }

    /**
     * Java for {@code IdentityOptions}, or {@code null} when every option is PostgreSQL's default (the snapshot
     * holds {@code null} for those).
     */
    static String identityOptions(Long start, Long increment, Long min, Long max, Long cache, boolean cycle) {
        if (start == null && increment == null && min == null && max == null && cache == null && !cycle) {
            return null;
        }
        StringBuilder s = new StringBuilder(start == null ? "IdentityOptions.DEFAULTS"
                : "IdentityOptions.startWith(" + start + "L)");
        if (increment != null) {
            s.append(".incrementBy(").append(increment).append("L)");
        }
        if (min != null) {
            s.append(".minValue(").append(min).append("L)");
        }
        if (max != null) {
            s.append(".maxValue(").append(max).append("L)");
        }
        if (cache != null) {
            s.append(".cache(").append(cache).append("L)");
        }
        if (cycle) {
            s.append(".withCycle()");
        }
        return s.toString();
    }

    static String identityOptions(IdentitySnapshot i) {
        return identityOptions(i.start(), i.increment(), i.minValue(), i.maxValue(), i.cache(), i.cycle());
    }

    static String qualified(String schema, String name) {
        return schema == null ? name : schema + "." + name;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** {@code base}, or with the qualifier before it, or numbered, whichever is free first. */
    static String unique(Set<String> taken, String base, String qualifier) {
        if (taken.add(base)) {
            return base;
        }
        boolean constant = base.equals(base.toUpperCase(java.util.Locale.ROOT));
        String candidate = constant ? base + "_" + qualifier
                : Character.isUpperCase(base.charAt(0)) ? qualifier + base : base + qualifier;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = base + n;
        }
        return candidate;
    }

    private static String key(String schema, String name) {
        return (schema == null ? "" : schema) + "\u0000" + name;
    }
}
