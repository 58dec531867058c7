package dev.sleet.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The relations relational queries ({@code db.query(USERS).with("posts")}) can load, declared apart from the
 * tables, so that tables never refer to each other in circles:
 *
 * <pre>{@code
 * public final class BlogRelations {
 *     public static final Relations RELATIONS = Relations.builder()
 *             .many("posts", USERS.id, POSTS.authorId)                      // one-to-many
 *             .one("author", POSTS.authorId, USERS.id)                      // many-to-one
 *             .one("editor", POSTS.editorId, USERS.id)                      // a second relation to users
 *             .one(USERS, "profile", PROFILES)                              // one-to-one, from the foreign key
 *             .many("tags", POSTS.id, POST_TAGS.postId, POST_TAGS.tagId, TAGS.id)   // many-to-many
 *             .one("manager", EMPLOYEES.managerId, EMPLOYEES.id)            // self relation
 *             .many("reports", EMPLOYEES.id, EMPLOYEES.managerId)
 *             .build();
 * }
 * }</pre>
 *
 * <p>Each relation is declared from its source's side with the columns that join it, first the source's, then
 * the target's. The overloads that take tables instead of columns derive the columns from the one foreign key
 * between the tables, and fail when there is none or more than one. {@link Builder#fromForeignKeys} derives a
 * whole set of relations from every foreign key among some tables.
 *
 * <p>Pass the relations to the database with {@code SleetOptions.relations(...)}. Every check happens when
 * {@link Builder#build()} runs, which is when the class holding the relations loads.
 */
public final class Relations {

    private static final Relations NONE = new Relations(new LinkedHashMap<>());

    private final Map<Table, Map<String, Relation>> byTable;

    private Relations(Map<Table, Map<String, Relation>> byTable) {
        this.byTable = byTable;
    }

    /**
     * Returns the empty set of relations.
     *
     * @return no relations
     */
    public static Relations none() {
        return NONE;
    }

    /**
     * Starts declaring relations.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Derives the relations of every foreign key among some tables; shorthand for
     * {@code builder().fromForeignKeys(tables).build()}.
     *
     * @param tables the tables
     * @return the relations
     */
    public static Relations fromForeignKeys(Table... tables) {
        return builder().fromForeignKeys(tables).build();
    }

    /**
     * Returns a table's relations by name, in declaration order.
     *
     * @param table the source table
     * @return its relations, empty when it has none
     */
    public Map<String, Relation> of(Table table) {
        return byTable.getOrDefault(table, Map.of());
    }

    /**
     * Returns a table's relation, or fails naming what exists.
     *
     * @param table the source table
     * @param name  the relation's name
     * @return the relation
     * @throws IllegalArgumentException when the table has no relation of that name
     */
    public Relation relation(Table table, String name) {
        Relation r = of(table).get(name);
        if (r != null) {
            return r;
        }
        StringBuilder msg = new StringBuilder(table.name()).append(" has no relation named ").append(name);
        List<String> elsewhere = new ArrayList<>();
        for (Map<String, Relation> rs : byTable.values()) {
            Relation other = rs.get(name);
            if (other != null) {
                elsewhere.add(other.source().name());
            }
        }
        if (!elsewhere.isEmpty()) {
            msg.append(" (").append(name).append(" is a relation of ").append(String.join(", ", elsewhere))
                    .append(')');
        }
        if (byTable.isEmpty()) {
            msg.append("; no relations are declared: pass them with SleetOptions.relations(...)");
        } else if (of(table).isEmpty()) {
            msg.append("; no relations of ").append(table.name()).append(" are declared");
        } else {
            msg.append("; its relations are ").append(of(table).keySet());
        }
        throw new IllegalArgumentException(msg.toString());
    }

    /**
     * Returns every relation, table by table.
     *
     * @return the relations
     */
    public List<Relation> all() {
        List<Relation> all = new ArrayList<>();
        for (Map<String, Relation> rs : byTable.values()) {
            all.addAll(rs.values());
        }
        return all;
    }

    @Override
    public String toString() {
        return "Relations" + all();
    }

    /** Collects relation declarations; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {

        private final Map<Table, Map<String, Relation>> declared = new LinkedHashMap<>();
        private final Map<Table, Map<String, Relation>> derived = new LinkedHashMap<>();
        private final List<String> problems = new ArrayList<>();
        private final java.util.Set<String> clashes = new java.util.HashSet<>();

        private Builder() {
        }

        /**
         * Declares a relation that loads at most one row: many-to-one when {@code from} holds a foreign key to
         * {@code to}, one-to-one when {@code to} holds a unique one back.
         *
         * @param name the relation's name on {@code from}'s table
         * @param from the source table's join column
         * @param to   the target table's join column
         * @param <T>  the columns' Java type
         * @return this builder
         */
        public <T> Builder one(String name, Column<T> from, Column<T> to) {
            return add(new Relation(name, Relation.Kind.ONE, from.table(), to.table(), List.of(from), List.of(to),
                    null, List.of(), List.of()));
        }

        /**
         * Declares a relation that loads at most one row, joined on several columns.
         *
         * @param name the relation's name
         * @param from the source table's join columns
         * @param to   the target table's join columns, in the same order
         * @return this builder
         */
        public Builder one(String name, List<Column<?>> from, List<Column<?>> to) {
            return add(direct(name, Relation.Kind.ONE, from, to));
        }

        /**
         * Declares a relation that loads at most one row, from the one foreign key between two tables: the
         * source's key to the target (many-to-one), or else the target's key to the source (one-to-one).
         *
         * @param source the table the relation belongs to
         * @param name   the relation's name
         * @param target the table it loads
         * @return this builder
         * @throws SchemaDefinitionException when there is no foreign key between the tables, or more than one
         */
        public Builder one(Table source, String name, Table target) {
            List<ForeignKey> out = keys(source, target);
            if (out.size() == 1) {
                return add(new Relation(name, Relation.Kind.ONE, source, target, out.get(0).columns(),
                        out.get(0).targets(), null, List.of(), List.of()));
            }
            if (out.isEmpty() && source != target) {
                List<ForeignKey> back = keys(target, source);
                if (back.size() == 1) {
                    return add(new Relation(name, Relation.Kind.ONE, source, target, back.get(0).targets(),
                            back.get(0).columns(), null, List.of(), List.of()));
                }
                throw ambiguous(source, name, target, back, target, source);
            }
            throw ambiguous(source, name, target, out, source, target);
        }

        /**
         * Declares a relation that loads a list: one-to-many, {@code to} holding a foreign key to {@code from}.
         *
         * @param name the relation's name on {@code from}'s table
         * @param from the source table's join column (usually its key)
         * @param to   the target table's join column (usually its foreign key)
         * @param <T>  the columns' Java type
         * @return this builder
         */
        public <T> Builder many(String name, Column<T> from, Column<T> to) {
            return add(new Relation(name, Relation.Kind.MANY, from.table(), to.table(), List.of(from), List.of(to),
                    null, List.of(), List.of()));
        }

        /**
         * Declares a relation that loads a list, joined on several columns.
         *
         * @param name the relation's name
         * @param from the source table's join columns
         * @param to   the target table's join columns, in the same order
         * @return this builder
         */
        public Builder many(String name, List<Column<?>> from, List<Column<?>> to) {
            return add(direct(name, Relation.Kind.MANY, from, to));
        }

        /**
         * Declares a one-to-many relation from the one foreign key of {@code target} to {@code source}.
         *
         * @param source the table the relation belongs to
         * @param name   the relation's name
         * @param target the table it loads
         * @return this builder
         * @throws SchemaDefinitionException when there is no such foreign key, or more than one
         */
        public Builder many(Table source, String name, Table target) {
            List<ForeignKey> back = keys(target, source);
            if (back.size() != 1) {
                throw ambiguous(source, name, target, back, target, source);
            }
            return add(new Relation(name, Relation.Kind.MANY, source, target, back.get(0).targets(),
                    back.get(0).columns(), null, List.of(), List.of()));
        }

        /**
         * Declares a many-to-many relation through a junction table: the source's rows whose
         * {@code from = junctionFrom}, the junction's rows, and the target's rows whose {@code junctionTo = to}.
         *
         * @param name         the relation's name on {@code from}'s table
         * @param from         the source table's column
         * @param junctionFrom the junction's column matching it
         * @param junctionTo   the junction's column matching the target's
         * @param to           the target table's column
         * @param <S>          the source side's Java type
         * @param <T>          the target side's Java type
         * @return this builder
         */
        public <S, T> Builder many(String name, Column<S> from, Column<S> junctionFrom, Column<T> junctionTo,
                                   Column<T> to) {
            if (junctionFrom.table() != junctionTo.table()) {
                throw new SchemaDefinitionException("relation " + name + " of " + from.table() + ": " + junctionFrom
                        + " and " + junctionTo + " must be columns of one junction table");
            }
            return add(new Relation(name, Relation.Kind.MANY, from.table(), to.table(), List.of(from), List.of(to),
                    junctionFrom.table(), List.of(junctionFrom), List.of(junctionTo)));
        }

        /**
         * Declares a many-to-many relation through a junction table that has exactly one foreign key to the
         * source and one to the target.
         *
         * @param source   the table the relation belongs to
         * @param name     the relation's name
         * @param junction the junction table
         * @param target   the table it loads
         * @return this builder
         * @throws SchemaDefinitionException when the junction's foreign keys do not say it unambiguously
         */
        public Builder manyThrough(Table source, String name, Table junction, Table target) {
            List<ForeignKey> toSource = keys(junction, source);
            List<ForeignKey> toTarget = keys(junction, target);
            if (toSource.size() != 1) {
                throw ambiguous(source, name, target, toSource, junction, source);
            }
            if (toTarget.size() != 1 || (source == target)) {
                throw ambiguous(source, name, target, toTarget, junction, target);
            }
            ForeignKey s = toSource.get(0);
            ForeignKey t = toTarget.get(0);
            return add(new Relation(name, Relation.Kind.MANY, source, target, s.targets(), t.targets(), junction,
                    s.columns(), t.columns()));
        }

        /**
         * Derives relations from every foreign key among {@code tables}. A key from {@code posts.author_id} to
         * {@code users} gives {@code posts.author} (the column's name without {@code _id}, in camel case; the
         * target table's name when the column has no such suffix) and {@code users.posts} (the source table's
         * name in camel case; {@code users.post}, a single row, when the key's columns are unique). When two
         * keys lead from one table to another, the list relations are told apart as {@code postsByAuthor} and
         * {@code postsByEditor}. Relations declared by name on this builder win over derived ones of the same
         * name.
         *
         * @param tables the tables
         * @return this builder
         */
        public Builder fromForeignKeys(Table... tables) {
            List<Table> set = List.of(tables);
            for (Table source : set) {
                Map<Table, Integer> keysTo = new LinkedHashMap<>();
                for (ForeignKey fk : source.foreignKeys()) {
                    keysTo.merge(fk.targetTable(), 1, Integer::sum);
                }
                for (ForeignKey fk : source.foreignKeys()) {
                    Table target = fk.targetTable();
                    if (!set.contains(target)) {
                        continue;
                    }
                    String one = oneName(fk);
                    derive(one, Relation.Kind.ONE, source, target, fk.columns(), fk.targets());
                    boolean unique = isUnique(source, fk.columns());
                    String back = Naming.camel(source.name());
                    if (unique) {
                        back = singular(back);
                    }
                    if (keysTo.get(target) > 1 || source == target) {
                        back = back + "By" + Character.toUpperCase(one.charAt(0)) + one.substring(1);
                    }
                    derive(back, unique ? Relation.Kind.ONE : Relation.Kind.MANY, target, source, fk.targets(),
                            fk.columns());
                }
            }
            return this;
        }

        /**
         * Checks the declarations and returns the relations.
         *
         * @return the relations
         * @throws SchemaDefinitionException when two relations of a table share a name
         */
        public Relations build() {
            if (!problems.isEmpty()) {
                throw new SchemaDefinitionException(String.join("; ", problems));
            }
            Map<Table, Map<String, Relation>> all = new LinkedHashMap<>();
            for (Map.Entry<Table, Map<String, Relation>> e : derived.entrySet()) {
                all.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>()).putAll(e.getValue());
            }
            for (Map.Entry<Table, Map<String, Relation>> e : declared.entrySet()) {
                all.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>()).putAll(e.getValue());
            }
            Map<Table, Map<String, Relation>> frozen = new LinkedHashMap<>();
            for (Map.Entry<Table, Map<String, Relation>> e : all.entrySet()) {
                frozen.put(e.getKey(), Collections.unmodifiableMap(e.getValue()));
            }
            return new Relations(frozen);
        }

        private Builder add(Relation r) {
            Map<String, Relation> rs = declared.computeIfAbsent(r.source(), k -> new LinkedHashMap<>());
            if (rs.containsKey(r.name())) {
                problems.add("relation " + r.name() + " of " + r.source() + " is declared twice");
            }
            rs.put(r.name(), r);
            return this;
        }

        /**
         * Adds a derived relation, unless its name is a column of the source or another derived relation of the
         * source: a name that two keys would both give is left out, to be declared by hand.
         */
        private void derive(String name, Relation.Kind kind, Table source, Table target, List<Column<?>> from,
                            List<Column<?>> to) {
            Map<String, Relation> rs = derived.computeIfAbsent(source, k -> new LinkedHashMap<>());
            if (rs.containsKey(name) || clashes.contains(source.name() + "." + name)) {
                rs.remove(name);
                clashes.add(source.name() + "." + name);
                return;
            }
            try {
                rs.put(name, new Relation(name, kind, source, target, from, to, null, List.of(), List.of()));
            } catch (SchemaDefinitionException e) {
                clashes.add(source.name() + "." + name);   // named like a column: left to be declared by hand
            }
        }

        private static Relation direct(String name, Relation.Kind kind, List<Column<?>> from, List<Column<?>> to) {
            if (from.isEmpty() || to.isEmpty()) {
                throw new SchemaDefinitionException("relation " + name + " needs at least one column on each side");
            }
            for (int i = 0; i < Math.min(from.size(), to.size()); i++) {
                if (from.get(i).type().javaType() != to.get(i).type().javaType()) {
                    throw new SchemaDefinitionException("relation " + name + " pairs " + from.get(i) + " ("
                            + from.get(i).type().sqlName() + ") with " + to.get(i) + " (" + to.get(i).type().sqlName()
                            + "), which do not hold the same values");
                }
            }
            return new Relation(name, kind, from.get(0).table(), to.get(0).table(), from, to, null, List.of(),
                    List.of());
        }

        private static List<ForeignKey> keys(Table from, Table to) {
            List<ForeignKey> out = new ArrayList<>();
            for (ForeignKey fk : from.foreignKeys()) {
                if (fk.targetTable() == to) {
                    out.add(fk);
                }
            }
            return out;
        }

        private static SchemaDefinitionException ambiguous(Table source, String name, Table target,
                                                           List<ForeignKey> keys, Table keyFrom, Table keyTo) {
            String what = "relation " + name + " of " + source + " (to " + target + ")";
            if (keys.isEmpty()) {
                return new SchemaDefinitionException(what + ": " + keyFrom + " has no foreign key to " + keyTo
                        + " to derive it from; name the join columns");
            }
            List<String> names = new ArrayList<>();
            for (ForeignKey fk : keys) {
                names.add(fk.name());
            }
            return new SchemaDefinitionException(what + ": " + keyFrom + " has " + keys.size() + " foreign keys to "
                    + keyTo + " " + names + "; name the join columns to say which");
        }

        private static String oneName(ForeignKey fk) {
            if (fk.columns().size() == 1) {
                String col = fk.columns().get(0).name();
                String lower = col.toLowerCase(Locale.ROOT);
                if (lower.endsWith("_id") && col.length() > 3) {
                    return Naming.camel(col.substring(0, col.length() - 3));
                }
            }
            return singular(Naming.camel(fk.targetTable().name()));
        }

        private static boolean isUnique(Table table, List<Column<?>> columns) {
            if (table.primaryKey() != null && table.primaryKey().columns().equals(columns)) {
                return true;
            }
            for (UniqueConstraint u : table.uniqueConstraints()) {
                if (u.columns().equals(columns)) {
                    return true;
                }
            }
            for (Index index : table.indexes()) {
                if (index.unique() && index.where() == null && index.elements().size() == columns.size()) {
                    boolean same = true;
                    for (int i = 0; i < columns.size(); i++) {
                        same &= index.elements().get(i) instanceof IndexColumn ic && ic.column() == columns.get(i);
                    }
                    if (same) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** {@code categories} → {@code category}, {@code addresses} → {@code address}, {@code posts} → {@code post}. */
        static String singular(String plural) {
            if (plural.endsWith("ies") && plural.length() > 3) {
                return plural.substring(0, plural.length() - 3) + "y";
            }
            if (plural.endsWith("sses") || plural.endsWith("xes") || plural.endsWith("ches") || plural.endsWith("shes")) {
                return plural.substring(0, plural.length() - 2);
            }
            if (plural.endsWith("s") && !plural.endsWith("ss") && plural.length() > 1) {
                return plural.substring(0, plural.length() - 1);
            }
            return plural;
        }
    }
}
