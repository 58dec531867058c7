package dev.sleet.query;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.SleetOptions;
import dev.sleet.exec.Row;
import dev.sleet.fixtures.RelationalSchema;
import dev.sleet.fixtures.RelationalSchema.Tier;
import dev.sleet.schema.Column;
import dev.sleet.schema.Relation;
import dev.sleet.schema.Table;
import dev.sleet.testing.TestDatabase;
import dev.sleet.testing.TestPostgres;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;

import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.gt;
import static dev.sleet.Sql.lt;
import static dev.sleet.Sql.ne;
import static dev.sleet.Sql.related;
import static dev.sleet.fixtures.RelationalSchema.COMMENTS;
import static dev.sleet.fixtures.RelationalSchema.EMPLOYEES;
import static dev.sleet.fixtures.RelationalSchema.POSTS;
import static dev.sleet.fixtures.RelationalSchema.POST_TAGS;
import static dev.sleet.fixtures.RelationalSchema.PROFILES;
import static dev.sleet.fixtures.RelationalSchema.RELATIONS;
import static dev.sleet.fixtures.RelationalSchema.TAGS;
import static dev.sleet.fixtures.RelationalSchema.USERS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code findMany} against the same data loaded by plain selects and joins: random nesting (to depth 3, over
 * every relation of the fixture, self and many-to-many included), random filters (on columns and on related
 * rows), orders, limits and offsets, on a generated dataset. The expected result is computed in Java from
 * the plain results, level by level.
 */
class RelationalPropertyTest {

    private static TestDatabase database;
    private static Db db;
    /** Typed rows of each table by id, from plain selects. */
    private static final Map<Table, Map<Object, Map<String, Object>>> ROWS = new HashMap<>();
    /** For each relation, parent key → target ids, from plain joins. */
    private static final Map<Relation, Map<List<Object>, List<Object>>> LINKS = new HashMap<>();

    private static synchronized Db db() {
        if (db == null) {
            database = TestPostgres.createDatabase("relational_property");
            db = Sleet.connect(database.url(), SleetOptions.defaults().relations(RELATIONS));
            RelationalSchema.create(db);
            generate(db, new Random(20261121));
            for (Table t : List.of(USERS, PROFILES, POSTS, COMMENTS, TAGS, EMPLOYEES)) {
                Map<Object, Map<String, Object>> byId = new LinkedHashMap<>();
                for (Row r : db.select().from(t).fetch()) {
                    byId.put(r.get("id"), r.toMap());
                }
                ROWS.put(t, byId);
            }
            for (Relation r : RELATIONS.all()) {
                LINKS.put(r, links(r));
            }
        }
        return db;
    }

    @AfterContainer
    static synchronized void drop() {
        if (db != null) {
            db.close();
            db = null;
            TestPostgres.dropDatabase(database);
        }
    }

    @Property(tries = 250)
    void findManyEqualsPlainJoins(@ForAll long seed) {
        Db db = db();
        Random random = new Random(seed);
        Table rootTable = List.of(USERS, POSTS, COMMENTS, TAGS, EMPLOYEES).get(random.nextInt(5));
        Level root = level(random, rootTable, null, 0);
        RelationalQuery query = apply(db.query(rootTable), root);

        List<Object> actual = normalise(query.findMany(), root);
        List<Object> expected = expected(root, null);
        assertThat(actual).as("seed %d: %s", seed, query.toSql().sql()).isEqualTo(expected);
    }

    // ---- the random spec -------------------------------------------------------------------------------------

    /** A filter with its meaning in Java. */
    record Filter(String text, dev.sleet.query.Condition condition, Predicate<Map<String, Object>> test) {
    }

    record Order(Column<?> column, boolean descending) {
    }

    record Level(Table table, Relation relation, Filter filter, Order order, int limit, int offset, List<Level> children) {
    }

    private static Level level(Random random, Table table, Relation relation, int depth) {
        Filter filter = random.nextInt(3) == 0 ? null : filter(random, table);
        boolean many = relation == null || relation.kind() == Relation.Kind.MANY;
        Order order = null;
        int limit = -1;
        int offset = 0;
        if (many) {
            if (random.nextInt(4) > 0) {
                order = order(random, table);
            }
            if (order != null && random.nextBoolean()) {
                limit = random.nextInt(4);
                offset = random.nextInt(3) == 0 ? random.nextInt(3) : 0;
            }
        }
        List<Level> children = new ArrayList<>();
        if (depth < 3) {
            List<Relation> rels = new ArrayList<>(RELATIONS.of(table).values());
            java.util.Collections.shuffle(rels, random);
            int n = random.nextInt(Math.min(3, rels.size()) + 1);
            for (int i = 0; i < n; i++) {
                children.add(level(random, rels.get(i).target(), rels.get(i), depth + 1));
            }
        }
        return new Level(table, relation, filter, order, limit, offset, children);
    }

    private static Filter filter(Random random, Table table) {
        int k = random.nextInt(3);
        if (table == USERS) {
            Tier tier = Tier.values()[random.nextInt(3)];
            long id = random.nextInt(25);
            return switch (k) {
                case 0 -> new Filter("tier = " + tier, eq(USERS.tier, tier), r -> r.get("tier") == tier);
                case 1 -> new Filter("id > " + id, gt(USERS.id, id), r -> (Long) r.get("id") > id);
                default -> new Filter("has a published post", related("posts", eq(POSTS.published, true)),
                        r -> targets(USERS, "posts", r).stream().anyMatch(p -> (Boolean) p.get("published")));
            };
        }
        if (table == POSTS) {
            int views = random.nextInt(100);
            return switch (k) {
                case 0 -> new Filter("published", eq(POSTS.published, true), r -> (Boolean) r.get("published"));
                case 1 -> new Filter("views > " + views, gt(POSTS.views, views), r -> (Integer) r.get("views") > views);
                default -> new Filter("has a comment scoring > 5", related("comments", gt(COMMENTS.score, 5)),
                        r -> targets(POSTS, "comments", r).stream().anyMatch(c -> (Integer) c.get("score") > 5));
            };
        }
        if (table == COMMENTS) {
            int score = random.nextInt(12) - 5;
            return k == 0 ? new Filter("score < " + score, lt(COMMENTS.score, score), r -> (Integer) r.get("score") < score)
                    : new Filter("on a published post", related("post", eq(POSTS.published, true)),
                    r -> targets(COMMENTS, "post", r).stream().anyMatch(p -> (Boolean) p.get("published")));
        }
        if (table == TAGS) {
            String name = "tag" + random.nextInt(6);
            return new Filter("name <> " + name, ne(TAGS.name, name), r -> !r.get("name").equals(name));
        }
        if (table == EMPLOYEES) {
            long id = random.nextInt(30);
            return k == 0 ? new Filter("id > " + id, gt(EMPLOYEES.id, id), r -> (Long) r.get("id") > id)
                    : new Filter("manages someone", related("reports"), r -> !targets(EMPLOYEES, "reports", r).isEmpty());
        }
        long id = random.nextInt(25);
        return new Filter("id > " + id, gt(PROFILES.id, id), r -> (Long) r.get("id") > id);
    }

    private static Order order(Random random, Table table) {
        List<Column<?>> candidates = new ArrayList<>();
        candidates.add(table.columns().get(0));   // id
        for (Column<?> c : table.columns()) {
            if (List.of("name", "views", "score", "created_at", "published").contains(c.name())) {
                candidates.add(c);
            }
        }
        return new Order(candidates.get(random.nextInt(candidates.size())), random.nextBoolean());
    }

    private static <S extends RelationalLevel<S>> S apply(S q, Level level) {
        if (level.filter != null) {
            q = q.where(level.filter.condition);
        }
        if (level.order != null) {
            Column<?> id = level.table.columns().get(0);
            q = level.order.descending
                    ? q.orderBy(Sqls.desc(level.order.column), Sqls.desc(id))
                    : q.orderBy(Sqls.asc(level.order.column), Sqls.asc(id));
        }
        if (level.limit >= 0) {
            q = q.limit(level.limit);
        }
        if (level.offset > 0) {
            q = q.offset(level.offset);
        }
        for (Level child : level.children) {
            q = q.with(child.relation.name(), n -> apply(n, child));
        }
        return q;
    }

    /** {@code asc}/{@code desc} under names that do not clash with the records' accessors. */
    private static final class Sqls {
        static SortField asc(Column<?> c) {
            return dev.sleet.Sql.asc(c);
        }

        static SortField desc(Column<?> c) {
            return dev.sleet.Sql.desc(c);
        }
    }

    // ---- expected, from the plain results --------------------------------------------------------------------

    private static List<Object> expected(Level level, Map<String, Object> parent) {
        List<Map<String, Object>> rows = parent == null ? new ArrayList<>(ROWS.get(level.table).values())
                : new ArrayList<>(targets(level.relation, parent));
        if (level.filter != null) {
            rows.removeIf(level.filter.test.negate());
        }
        if (level.order != null) {
            Comparator<Map<String, Object>> cmp = Comparator.comparing(r -> key(r.get(level.order.column.name())),
                    Comparator.nullsLast(Comparator.naturalOrder()));
            cmp = cmp.thenComparing(r -> (Long) r.get("id"));
            rows.sort(level.order.descending ? cmp.reversed() : cmp);
        } else {
            rows.sort(Comparator.comparing(r -> (Long) r.get("id")));
        }
        int from = Math.min(level.offset, rows.size());
        int to = level.limit < 0 ? rows.size() : Math.min(rows.size(), from + level.limit);
        rows = rows.subList(from, to);
        List<Object> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> node = new LinkedHashMap<>(r);
            for (Level child : level.children) {
                List<Object> related = expected(child, r);
                node.put(child.relation.name(), child.relation.kind() == Relation.Kind.ONE
                        ? (related.isEmpty() ? null : related.get(0)) : related);
            }
            out.add(node);
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparable key(Object value) {
        return (Comparable) value;
    }

    /** The actual rows as plain maps; levels without an order sorted by id, as the expected side is. */
    private static List<Object> normalise(List<Row> rows, Level level) {
        List<Object> out = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> node = new LinkedHashMap<>(row.toMap());
            for (Level child : level.children) {
                String name = child.relation.name();
                if (child.relation.kind() == Relation.Kind.ONE) {
                    Row one = row.row(name);
                    node.put(name, one == null ? null : normalise(List.of(one), child).get(0));
                } else {
                    node.put(name, normalise(row.rows(name), child));
                }
            }
            out.add(node);
        }
        if (level.order == null) {
            out.sort(Comparator.comparing(n -> (Long) ((Map<?, ?>) n).get("id")));
        }
        return out;
    }

    private static List<Map<String, Object>> targets(Table table, String relation, Map<String, Object> row) {
        return targets(RELATIONS.relation(table, relation), row);
    }

    private static List<Map<String, Object>> targets(Relation r, Map<String, Object> parent) {
        List<Object> key = new ArrayList<>();
        for (Column<?> c : r.sourceColumns()) {
            key.add(parent.get(c.name()));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object id : LINKS.get(r).getOrDefault(key, List.of())) {
            out.add(ROWS.get(r.target()).get(id));
        }
        return out;
    }

    /** Parent key → ids of related rows, by a plain join written out for the relation. */
    private static Map<List<Object>, List<Object>> links(Relation r) {
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < r.sourceColumns().size(); i++) {
            sql.append("s.").append(q(r.sourceColumns().get(i).name())).append(" as k").append(i).append(", ");
        }
        sql.append("t.\"id\" from ").append(q(r.source().name())).append(" s join ");
        if (r.isThrough()) {
            sql.append(q(r.junction().name())).append(" j on ").append(pairs("j", r.junctionSource(), "s", r.sourceColumns()))
                    .append(" join ").append(q(r.target().name())).append(" t on ")
                    .append(pairs("t", r.targetColumns(), "j", r.junctionTarget()));
        } else {
            sql.append(q(r.target().name())).append(" t on ").append(pairs("t", r.targetColumns(), "s", r.sourceColumns()));
        }
        Map<List<Object>, List<Object>> out = new HashMap<>();
        for (Row row : db.fetch(ctx -> ctx.sql(sql.toString()))) {
            List<Object> key = new ArrayList<>();
            for (int i = 0; i < r.sourceColumns().size(); i++) {
                key.add(((Number) row.get("k" + i)).longValue());
            }
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(((Number) row.get("id")).longValue());
        }
        return out;
    }

    private static String pairs(String a, List<Column<?>> left, String b, List<Column<?>> right) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < left.size(); i++) {
            s.append(i > 0 ? " and " : "").append(a).append('.').append(q(left.get(i).name())).append(" = ")
                    .append(b).append('.').append(q(right.get(i).name()));
        }
        return s.toString();
    }

    private static String q(String identifier) {
        return '"' + identifier + '"';
    }

    // ---- the dataset -----------------------------------------------------------------------------------------

    private static void generate(Db db, Random random) {
        OffsetDateTime base = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        for (long i = 1; i <= 25; i++) {
            db.insert(USERS).set(USERS.id, i).set(USERS.name, "user" + random.nextInt(10))
                    .set(USERS.tier, Tier.values()[random.nextInt(3)])
                    .set(USERS.balance, random.nextBoolean() ? null : new BigDecimal(random.nextInt(1_000_000)).movePointLeft(3))
                    .set(USERS.externalId, random.nextBoolean() ? UUID.nameUUIDFromBytes(new byte[] {(byte) i}) : null)
                    .set(USERS.createdAt, base.plusSeconds(random.nextInt(100_000)).plusNanos(random.nextInt(1_000_000) * 1000L))
                    .set(USERS.labels, random.nextBoolean() ? List.of("a", "b\"c", "d,e") : null)
                    .set(USERS.settings, random.nextBoolean() ? Map.of("plan", "x" + i, "n", (int) i) : null)
                    .execute();
            if (random.nextBoolean()) {
                db.insert(PROFILES).set(PROFILES.id, i).set(PROFILES.userId, i).set(PROFILES.bio, "bio " + i).execute();
            }
        }
        for (long i = 1; i <= 80; i++) {
            db.insert(POSTS).set(POSTS.id, i).set(POSTS.authorId, 1L + random.nextInt(25))
                    .set(POSTS.editorId, random.nextBoolean() ? null : 1L + random.nextInt(25))
                    .set(POSTS.title, "post " + i).set(POSTS.published, random.nextBoolean())
                    .set(POSTS.views, random.nextInt(100)).set(POSTS.createdAt, base.plusHours(random.nextInt(500)))
                    .execute();
        }
        for (long i = 1; i <= 200; i++) {
            db.insert(COMMENTS).set(COMMENTS.id, i).set(COMMENTS.postId, 1L + random.nextInt(80))
                    .set(COMMENTS.authorId, 1L + random.nextInt(25)).set(COMMENTS.body, "comment " + i)
                    .set(COMMENTS.score, random.nextInt(16) - 5).execute();
        }
        for (long i = 1; i <= 6; i++) {
            db.insert(TAGS).set(TAGS.id, i).set(TAGS.name, "tag" + (i - 1)).execute();
        }
        for (long p = 1; p <= 80; p++) {
            for (long t = 1; t <= 6; t++) {
                if (random.nextInt(3) == 0) {
                    db.insert(POST_TAGS).set(POST_TAGS.postId, p).set(POST_TAGS.tagId, t).execute();
                }
            }
        }
        for (long i = 1; i <= 30; i++) {
            db.insert(EMPLOYEES).set(EMPLOYEES.id, i).set(EMPLOYEES.name, "emp" + random.nextInt(12))
                    .set(EMPLOYEES.managerId, i <= 3 ? null : 1L + random.nextInt((int) i - 1)).execute();
        }
    }
}
