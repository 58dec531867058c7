package dev.sleet.kit.pull;

import dev.sleet.internal.SqlLexer;
import dev.sleet.schema.Naming;

import dev.sleet.kit.snapshot.CheckSnapshot;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.EnumSnapshot;
import dev.sleet.kit.snapshot.ForeignKeySnapshot;
import dev.sleet.kit.snapshot.GrantSnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.PolicySnapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.UniqueSnapshot;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes one table class for {@link JavaSchemaWriter}. */
final class TableWriter {

    private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");
    private static final Pattern VARCHAR = Pattern.compile("character varying\\((\\d+)\\)");
    private static final Pattern CHARACTER = Pattern.compile("character\\((\\d+)\\)");
    private static final Pattern STRING_LITERAL = Pattern.compile("'((?:[^']|'')*)'::(.+)");
    private static final Pattern INTEGER_LITERAL = Pattern.compile("(-?\\d+)|'(-?\\d+)'::(?:smallint|integer|bigint)");

    private static final Pattern PRECISE_TIME =
            Pattern.compile("(timestamp|time)\\((\\d)\\) (with|without) time zone");

    private final JavaSchemaWriter schema;
    private final TableSnapshot table;
    private final String cls;
    private final Map<String, String> fields;
    private final Set<String> imports = new TreeSet<>();

    TableWriter(JavaSchemaWriter schema, TableSnapshot table, String cls) {
        this.schema = schema;
        this.table = table;
        this.cls = cls;
        this.fields = schema.fieldsOf(table.schema(), table.name());
    }

    /** A column type in Java: the factory call, the field's type argument, and what {@code TODO} it needs. */
    private record JavaType(String factory, String javaType, String kind, String todo) {
    }

    String source() {
        // what the column declarations take over, the rest goes into the constructor
        List<UniqueSnapshot> tableUniques = new ArrayList<>(table.uniques());
        List<ForeignKeySnapshot> tableForeignKeys = new ArrayList<>(table.foreignKeys());
        StringBuilder body = new StringBuilder();
        for (ColumnSnapshot c : table.columns()) {
            body.append(column(c, tableUniques, tableForeignKeys));
        }
        StringBuilder ctor = new StringBuilder();
        ctor.append("        super(").append(table.schema() == null ? "" : JavaText.literal(table.schema()) + ", ")
                .append(JavaText.literal(table.name())).append(");\n");
        if (table.comment() != null) {
            ctor.append("        comment(").append(JavaText.literal(table.comment())).append(");\n");
        }
        if (table.primaryKey() != null) {
            if (namedKey()) {
                ctor.append("        primaryKey(").append(JavaText.literal(table.primaryKey().name())).append(", ")
                        .append(fieldList(table.primaryKey().columns())).append(");\n");
            } else if (table.primaryKey().columns().size() > 1) {
                ctor.append("        primaryKey(").append(fieldList(table.primaryKey().columns())).append(");\n");
            }
        }
        for (UniqueSnapshot u : tableUniques) {
            ctor.append("        unique(").append(JavaText.literal(u.name())).append(", ")
                    .append(fieldList(u.columns())).append(')')
                    .append(u.nullsNotDistinct() ? ".nullsNotDistinct()" : "").append(";\n");
        }
        for (ForeignKeySnapshot fk : tableForeignKeys) {
            ctor.append(foreignKey(fk));
        }
        for (CheckSnapshot k : table.checks()) {
            ctor.append("        check(").append(JavaText.literal(k.name())).append(", ")
                    .append(JavaText.literal(k.expression())).append(");\n");
        }
        for (IndexSnapshot i : table.indexes()) {
            ctor.append(index(i));
        }
        if (table.rowLevelSecurity()) {
            ctor.append("        enableRowLevelSecurity();\n");
        }
        if (table.forceRowLevelSecurity()) {
            ctor.append("        forceRowLevelSecurity();\n");
        }
        for (PolicySnapshot p : table.policies()) {
            ctor.append(policy(p));
        }
        for (GrantSnapshot g : table.grants()) {
            List<String> privileges = new ArrayList<>();
            for (String p : g.privileges()) {
                privileges.add("Privilege." + p.toUpperCase(Locale.ROOT));
            }
            ctor.append("        grant(").append(JavaText.literal(g.role())).append(", ")
                    .append(String.join(", ", privileges)).append(");\n");
        }

        StringBuilder s = schema.header();
        s.append("import dev.sleet.schema.*;\n");
        if (!imports.isEmpty()) {
            s.append('\n');
            for (String i : imports) {
                s.append("import ").append(i).append(";\n");
            }
        }
        s.append("\n/** The table {@code ").append(JavaText.comment(JavaSchemaWriter.qualified(table.schema(), table.name())))
                .append("}. */\n");
        s.append("public final class ").append(cls).append(" extends Table {\n\n");
        s.append("    public static final ").append(cls).append(' ').append(JavaSchemaWriter.constant(table))
                .append(" = new ").append(cls).append("();\n\n");
        s.append(body).append('\n');
        s.append("    private ").append(cls).append("() {\n").append(ctor).append("    }\n}\n");
        return s.toString();
    }

    // ---------------------------------------------------------------------------------------- columns

    /** A primary key whose name is not the one Sleet gives: declared with its name in the constructor. */
    private boolean namedKey() {
        return table.primaryKey() != null && !table.primaryKey().name().equals(withSuffix(table.name(), "pkey"));
    }

    private String column(ColumnSnapshot c, List<UniqueSnapshot> tableUniques,
                          List<ForeignKeySnapshot> tableForeignKeys) {
        List<String> todos = new ArrayList<>();
        boolean array = c.type().endsWith("[]");
        String base = array ? c.type().substring(0, c.type().length() - 2) : c.type();
        JavaType t = type(c.name(), base);
        if (t.todo != null) {
            todos.add(t.todo);
        }
        String defaultSql = c.defaultSql();
        String factory = t.factory;
        boolean serial = false;
        if (!array && defaultSql != null
                && (t.kind.equals("integer") || t.kind.equals("bigint") || t.kind.equals("smallint"))
                && defaultSql.equals("nextval('" + JavaSchemaWriter.qualified(table.schema(),
                table.name() + "_" + c.name() + "_seq") + "'::regclass)")) {
            // the sequence PostgreSQL made for a serial column, which the catalog shows as a default
            serial = true;
            factory = factory.replaceFirst("^(integer|bigint|smallint)\\(", switch (t.kind) {
                case "integer" -> "serial(";
                case "bigint" -> "bigserial(";
                default -> "smallserial(";
            });
            defaultSql = null;
        }
        List<String> chain = new ArrayList<>();
        chain.add(factory);
        if (array) {
            chain.add(".array()");
        }
        boolean primaryKey = table.primaryKey() != null && table.primaryKey().columns().equals(List.of(c.name()))
                && !namedKey();
        if (primaryKey) {
            chain.add(".primaryKey()");
        } else if (c.notNull() && c.identity() == null && !serial) {
            chain.add(".notNull()");
        }
        if (!array) {
            for (UniqueSnapshot u : List.copyOf(tableUniques)) {
                if (!u.columns().equals(List.of(c.name()))) {
                    continue;
                }
                boolean sleetName = u.name().equals(constraintName(table.name(), c.name(), "unique"));
                if (sleetName) {
                    chain.add(u.nullsNotDistinct() ? ".uniqueNullsNotDistinct()" : ".unique()");
                } else if (!u.nullsNotDistinct()) {
                    chain.add(".unique(" + JavaText.literal(u.name()) + ")");
                } else {
                    continue;
                }
                tableUniques.remove(u);
                break;
            }
        }
        if (defaultSql != null) {
            chain.add(defaultCall(defaultSql, t, array));
        }
        if (c.identity() != null) {
            String options = JavaSchemaWriter.identityOptions(c.identity());
            chain.add((c.identity().always() ? ".generatedAlwaysAsIdentity(" : ".generatedByDefaultAsIdentity(")
                    + (options == null ? "" : options) + ")");
        }
        if (c.generated() != null) {
            chain.add(".generatedAlwaysAs(" + JavaText.literal(c.generated()) + ")");
        }
        if (!array) {
            for (ForeignKeySnapshot fk : List.copyOf(tableForeignKeys)) {
                String reference = columnReference(c, t, fk);
                if (reference != null) {
                    chain.add(reference);
                    tableForeignKeys.remove(fk);
                    break;
                }
            }
        }
        if (c.comment() != null) {
            chain.add(".comment(" + JavaText.literal(c.comment()) + ")");
        }
        StringBuilder s = new StringBuilder();
        for (String todo : todos) {
            s.append("    // TODO ").append(JavaText.comment(todo)).append('\n');
        }
        String javaType = array ? "List<" + t.javaType + ">" : t.javaType;
        if (array) {
            imports.add("java.util.List");
        }
        String head = "    public final Column<" + javaType + "> " + fields.get(c.name()) + " = ";
        return s.append(wrap(head, chain)).append(";\n").toString();
    }

    private JavaType type(String column, String type) {
        String n = JavaText.literal(column);
        EnumSnapshot e = schema.enumOfType(type);
        if (e != null) {
            return new JavaType("enumeration(" + n + ", " + schema.enumsClass() + "." + schema.enumConstant(e) + ")",
                    schema.enumClass(e), "enum", null);
        }
        Matcher m = NUMERIC.matcher(type);
        if (m.matches()) {
            imports.add("java.math.BigDecimal");
            return new JavaType("numeric(" + n + ", " + m.group(1) + ", " + m.group(2) + ")", "BigDecimal",
                    "numeric", null);
        }
        m = VARCHAR.matcher(type);
        if (m.matches()) {
            return new JavaType("varchar(" + n + ", " + m.group(1) + ")", "String", "string", null);
        }
        m = CHARACTER.matcher(type);
        if (m.matches()) {
            return new JavaType("character(" + n + ", " + m.group(1) + ")", "String", "string", null);
        }
        return switch (type) {
            case "smallint" -> new JavaType("smallint(" + n + ")", "Short", "smallint", null);
            case "integer" -> new JavaType("integer(" + n + ")", "Integer", "integer", null);
            case "bigint" -> new JavaType("bigint(" + n + ")", "Long", "bigint", null);
            case "numeric" -> {
                imports.add("java.math.BigDecimal");
                yield new JavaType("numeric(" + n + ")", "BigDecimal", "numeric", null);
            }
            case "real" -> new JavaType("real(" + n + ")", "Float", "real", null);
            case "double precision" -> new JavaType("doublePrecision(" + n + ")", "Double", "double", null);
            case "boolean" -> new JavaType("bool(" + n + ")", "Boolean", "boolean", null);
            case "text" -> new JavaType("text(" + n + ")", "String", "string", null);
            case "uuid" -> {
                imports.add("java.util.UUID");
                yield new JavaType("uuid(" + n + ")", "UUID", "uuid", null);
            }
            case "date" -> {
                imports.add("java.time.LocalDate");
                yield new JavaType("date(" + n + ")", "LocalDate", "time", null);
            }
            case "time without time zone" -> {
                imports.add("java.time.LocalTime");
                yield new JavaType("time(" + n + ")", "LocalTime", "time", null);
            }
            case "timestamp without time zone" -> {
                imports.add("java.time.LocalDateTime");
                yield new JavaType("timestamp(" + n + ")", "LocalDateTime", "time", null);
            }
            case "timestamp with time zone" -> {
                imports.add("java.time.OffsetDateTime");
                yield new JavaType("timestamptz(" + n + ")", "OffsetDateTime", "time", null);
            }
            case "interval" -> new JavaType("interval(" + n + ")", "Interval", "interval", null);
            // Object: Jackson reads any document into maps, lists and scalars; a record type is the user's to add
            case "json" -> new JavaType("json(" + n + ", Object.class)", "Object", "json", null);
            case "jsonb" -> new JavaType("jsonb(" + n + ", Object.class)", "Object", "json", null);
            case "bytea" -> new JavaType("bytea(" + n + ")", "byte[]", "bytea", null);
            case "inet" -> new JavaType("inet(" + n + ")", "String", "inet", null);
            case "cidr" -> new JavaType("cidr(" + n + ")", "String", "inet", null);
            case "macaddr" -> new JavaType("macaddr(" + n + ")", "String", "inet", null);
            case "tsvector" -> new JavaType("column(" + n + ", dev.sleet.schema.column.TsvectorType.INSTANCE)",
                    "String", "text-cast", null);
            case "tsquery" -> new JavaType("column(" + n + ", dev.sleet.schema.column.TsqueryType.INSTANCE)",
                    "String", "text-cast", null);
            default -> closest(n, type);
        };
    }

    /** A type without a factory of its own: the nearest one, and what differs. */
    private JavaType closest(String n, String type) {
        Matcher precise = PRECISE_TIME.matcher(type);
        if (precise.matches() && !(precise.group(1).equals("time") && precise.group(3).equals("with"))) {
            String p = precise.group(2);
            boolean zone = precise.group(3).equals("with");
            if (precise.group(1).equals("time")) {
                imports.add("java.time.LocalTime");
                return new JavaType("time(" + n + ", " + p + ")", "LocalTime", "time", null);
            }
            imports.add(zone ? "java.time.OffsetDateTime" : "java.time.LocalDateTime");
            return new JavaType((zone ? "timestamptz(" : "timestamp(") + n + ", " + p + ")",
                    zone ? "OffsetDateTime" : "LocalDateTime", "time", null);
        }
        String todo = "the column type is " + type + " in the database, which Sleet has no factory for";
        if (type.startsWith("timestamp(") && type.endsWith(" with time zone")) {
            imports.add("java.time.OffsetDateTime");
            return new JavaType("timestamptz(" + n + ")", "OffsetDateTime", "time", todo);
        }
        if (type.startsWith("timestamp(")) {
            imports.add("java.time.LocalDateTime");
            return new JavaType("timestamp(" + n + ")", "LocalDateTime", "time", todo);
        }
        if (type.startsWith("time")) {
            imports.add("java.time.LocalTime");
            return new JavaType("time(" + n + ")", "LocalTime", "time", todo);
        }
        return new JavaType("text(" + n + ")", "String", "other", todo);
    }

    /** The default as the DSL says it best; SQL text where no Java value gives exactly this expression. */
    private String defaultCall(String sql, JavaType t, boolean array) {
        if (!array) {
            if (sql.equals("now()") && t.kind.equals("time")) {
                return ".defaultNow()";
            }
            if (sql.equals("gen_random_uuid()") && t.kind.equals("uuid")) {
                return ".defaultRandom()";
            }
            if ((sql.equals("true") || sql.equals("false")) && t.kind.equals("boolean")) {
                return ".defaultValue(" + sql + ")";
            }
            Matcher m = INTEGER_LITERAL.matcher(sql);
            if (m.matches()) {
                String digits = m.group(1) != null ? m.group(1) : m.group(2);
                String value = integerValue(digits, t.kind);
                if (value != null) {
                    return ".defaultValue(" + value + ")";
                }
            }
            m = STRING_LITERAL.matcher(sql);
            if (m.matches()) {
                String text = m.group(1).replace("''", "'");
                String cast = m.group(2);
                if (t.kind.equals("string") && (cast.equals("text") || cast.equals("character varying")
                        || cast.equals("bpchar"))) {
                    return ".defaultValue(" + JavaText.literal(text) + ")";
                }
                String constant = t.kind.equals("enum") ? schema.labelConstant(t.javaType, text) : null;
                if (constant != null) {
                    return ".defaultValue(" + t.javaType + "." + constant + ")";
                }
            }
        }
        return ".defaultSql(" + JavaText.literal(sql) + ")";
    }

    private static String integerValue(String digits, String kind) {
        try {
            long v = Long.parseLong(digits);
            return switch (kind) {
                case "smallint" -> v >= Short.MIN_VALUE && v <= Short.MAX_VALUE ? "(short) " + v : null;
                case "integer" -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? Long.toString(v) : null;
                case "bigint" -> v + "L";
                default -> null;
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------------------------------- foreign keys

    /** {@code .references(...)} when the key is on this column alone and carries the name Sleet would give it. */
    private String columnReference(ColumnSnapshot c, JavaType t, ForeignKeySnapshot fk) {
        if (!fk.columns().equals(List.of(c.name())) || fk.targetColumns().size() != 1) {
            return null;
        }
        String target = fk.targetColumns().get(0);
        if (!fk.name().equals(constraintName(table.name(), c.name() + "_" + fk.targetTable() + "_" + target, "fk"))) {
            return null;
        }
        TableSnapshot targetTable = schema.table(fk.targetSchema(), fk.targetTable());
        ColumnSnapshot targetColumn = targetTable == null ? null : targetTable.column(target).orElse(null);
        // references(...) wants the same Java type on both sides; the table-level form does not
        if (targetColumn == null || targetColumn.type().endsWith("[]")
                || !new TableWriter(schema, targetTable, "").type(target, targetColumn.type()).javaType
                .equals(t.javaType)) {
            return null;
        }
        StringBuilder s = new StringBuilder(".references(() -> ").append(targetField(fk, target));
        boolean update = !fk.onUpdate().equals("no action");
        if (!fk.onDelete().equals("no action") || update) {
            s.append(", OnDelete.").append(action(fk.onDelete()));
        }
        if (update) {
            s.append(", OnUpdate.").append(action(fk.onUpdate()));
        }
        return s.append(')').toString();
    }

    private String foreignKey(ForeignKeySnapshot fk) {
        TableSnapshot target = schema.table(fk.targetSchema(), fk.targetTable());
        if (target == null) {
            return "        // TODO foreign key " + JavaText.comment(fk.name()) + " references "
                    + JavaText.comment(JavaSchemaWriter.qualified(fk.targetSchema(), fk.targetTable()))
                    + ", which was not pulled\n";
        }
        imports.add("java.util.List");
        List<String> targets = new ArrayList<>();
        for (String col : fk.targetColumns()) {
            targets.add(targetField(fk, col));
        }
        StringBuilder s = new StringBuilder("        foreignKey(").append(JavaText.literal(fk.name()))
                .append(").columns(").append(fieldList(fk.columns())).append(")\n                .references(() -> List.of(")
                .append(String.join(", ", targets)).append("))");
        List<String> actions = new ArrayList<>();
        if (!fk.onDelete().equals("no action")) {
            actions.add(".onDelete(OnDelete." + action(fk.onDelete()) + ")");
        }
        if (!fk.onUpdate().equals("no action")) {
            actions.add(".onUpdate(OnUpdate." + action(fk.onUpdate()) + ")");
        }
        for (String a : actions) {
            int lineLength = s.length() - s.lastIndexOf("\n") - 1;
            s.append(lineLength + a.length() > 115 ? "\n                " : "").append(a);
        }
        return s.append(";\n").toString();
    }

    private String targetField(ForeignKeySnapshot fk, String column) {
        TableSnapshot target = schema.table(fk.targetSchema(), fk.targetTable());
        return schema.tableClass(fk.targetSchema(), fk.targetTable()) + "." + JavaSchemaWriter.constant(target) + "."
                + schema.fieldsOf(fk.targetSchema(), fk.targetTable()).get(column);
    }

    private static String action(String sql) {
        return sql.toUpperCase(Locale.ROOT).replace(' ', '_');
    }

    // ---------------------------------------------------------------------------------------- indexes, policies

    private String index(IndexSnapshot i) {
        List<String> todos = new ArrayList<>();
        List<String> elements = new ArrayList<>();
        for (String e : i.elements()) {
            elements.add(indexElement(e, todos));
        }
        StringBuilder s = new StringBuilder();
        for (String todo : todos) {
            s.append("        // TODO ").append(JavaText.comment(todo)).append('\n');
        }
        s.append("        ").append(i.unique() ? "uniqueIndex(" : "index(").append(JavaText.literal(i.name()))
                .append(").on(").append(String.join(", ", elements)).append(')');
        if (!"btree".equals(i.method())) {
            s.append(".using(").append(JavaText.literal(i.method())).append(')');
        }
        if (i.where() != null) {
            s.append(".where(").append(JavaText.literal(i.where())).append(')');
        }
        if (i.nullsNotDistinct()) {
            s.append(".nullsNotDistinct()");
        }
        return s.append(";\n").toString();
    }

    /**
     * An index element as {@link dev.sleet.kit.introspect.Introspector} prints it: {@code "col"}, a column with
     * its operator class, {@code desc} and {@code nulls first/last}, or {@code (expression)}.
     */
    private String indexElement(String element, List<String> todos) {
        boolean expression = element.startsWith("(");
        int end = expression ? SqlLexer.closingParenthesis(element, 0) : nameEnd(element);
        if (end < 0) {
            todos.add("index element " + element + " is not understood; written as an expression");
            return "expression(" + JavaText.literal(element) + ")";
        }
        String head = element.substring(expression ? 1 : 0, expression ? end - 1 : end);
        String field = expression ? null : fields.get(head.startsWith("\"")
                ? head.substring(1, head.length() - 1).replace("\"\"", "\"") : head);
        if (!expression && field == null) {
            todos.add("index element " + element + " is not understood; written as an expression");
            return "expression(" + JavaText.literal(element) + ")";
        }
        String collation = null;
        String opclass = null;
        boolean desc = false;
        String nulls = null;
        List<String> words = SqlLexer.words(element.substring(end));
        for (int k = 0; k < words.size(); k++) {
            String w = words.get(k);
            if (w.equals("desc")) {
                desc = true;
            } else if (w.equals("asc")) {
                desc = false;
            } else if (w.equals("nulls") && k + 1 < words.size()) {
                nulls = words.get(++k);
            } else if (w.equals("collate") && k + 1 < words.size()) {
                collation = words.get(++k).replace("\"", "");
            } else if (opclass == null && w.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
                opclass = w;
            } else {
                todos.add("index element " + element + ": Sleet has no form for \"" + w + "\"");
                break;
            }
        }
        StringBuilder s = new StringBuilder();
        if (expression) {
            s.append("expression(").append(JavaText.literal(head)).append(')');
            if (desc) {
                s.append(".desc()");
            }
        } else if (collation == null && opclass == null && !desc && nulls == null) {
            return field;
        } else {
            s.append(desc ? "desc(" : "asc(").append(field).append(')');
        }
        if (collation != null) {
            s.append(".collate(").append(JavaText.literal(collation)).append(')');
        }
        if (opclass != null) {
            s.append(".opclass(").append(JavaText.literal(opclass)).append(')');
        }
        if (nulls != null) {
            s.append(nulls.equals("first") ? ".nullsFirst()" : ".nullsLast()");
        }
        return s.toString();
    }

    /** The index just past a column name, quoted or not, at the start of {@code text}; -1 when a quote is open. */
    private static int nameEnd(String text) {
        if (text.startsWith("\"")) {
            String quoted = SqlLexer.segments(text).get(0).text();
            return quoted.length() > 1 && quoted.endsWith("\"") ? quoted.length() : -1;
        }
        int space = text.indexOf(' ');
        return space < 0 ? text.length() : space;
    }

    private String policy(PolicySnapshot p) {
        StringBuilder s = new StringBuilder("        policy(").append(JavaText.literal(p.name())).append(')');
        if (p.as().equals("restrictive")) {
            s.append(".as(PolicyAs.RESTRICTIVE)");
        }
        if (!p.command().equals("all")) {
            s.append(".forCommand(PolicyCommand.").append(p.command().toUpperCase(Locale.ROOT)).append(')');
        }
        if (!p.roles().equals(List.of("public"))) {
            List<String> roles = new ArrayList<>();
            for (String r : p.roles()) {
                roles.add(JavaText.literal(r));
            }
            s.append(".to(").append(String.join(", ", roles)).append(')');
        }
        if (p.using() != null) {
            s.append("\n                .using(").append(JavaText.literal(p.using())).append(')');
        }
        if (p.withCheck() != null) {
            s.append("\n                .withCheck(").append(JavaText.literal(p.withCheck())).append(')');
        }
        return s.append(";\n").toString();
    }

    // ---------------------------------------------------------------------------------------- helpers

    private String fieldList(List<String> columns) {
        List<String> out = new ArrayList<>();
        for (String c : columns) {
            out.add(Objects.requireNonNull(fields.get(c), () -> "no column " + c + " in " + table.qualifiedName()));
        }
        return String.join(", ", out);
    }

    /** Breaks a long modifier chain before a modifier, as a person would, to keep lines near 120 characters. */
    static String wrap(String head, List<String> chain) {
        StringBuilder s = new StringBuilder(head);
        int lineStart = 0;
        for (int k = 0; k < chain.size(); k++) {
            String part = chain.get(k);
            if (k > 0 && s.length() - lineStart + part.length() > 115) {
                s.append("\n            ");
                lineStart = s.length() - 12;
            }
            s.append(part);
        }
        return s.toString();
    }

    /** The name Sleet derives for a column's constraint: {@code dev.sleet.schema.Naming.constraintName}. */
    static String constraintName(String table, String middle, String suffix) {
        return withSuffix(table + "_" + middle, suffix);
    }

    private static String withSuffix(String base, String suffix) {
        return Naming.withSuffix(base, suffix);
    }
}
