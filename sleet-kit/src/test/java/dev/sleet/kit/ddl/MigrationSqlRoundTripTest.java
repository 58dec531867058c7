package dev.sleet.kit.ddl;

import dev.sleet.kit.TestServer;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Diff;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotBuilder;
import dev.sleet.schema.Column;
import dev.sleet.schema.IdentityOptions;
import dev.sleet.schema.OnDelete;
import dev.sleet.schema.PgEnum;
import dev.sleet.schema.PgLabel;
import dev.sleet.schema.PgRole;
import dev.sleet.schema.Privilege;
import dev.sleet.schema.PgSequence;
import dev.sleet.schema.PgView;
import dev.sleet.schema.PolicyAs;
import dev.sleet.schema.PolicyCommand;
import dev.sleet.schema.Schema;
import dev.sleet.schema.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The round-trip corpus: for each pair of schemas A and B, a database built from A and migrated up to B has
 * the catalog of a database built from B directly, and migrating it down again gives A's catalog back.
 *
 * <p>Left out because they cannot round-trip: adding an enum value (PostgreSQL cannot drop it again, see
 * {@link MigrationSqlEnumValueTest}), and anything that depends on column order (an added column goes last).
 */
// The corpus's role belongs to the whole cluster; on a shared server these classes must not drop it under
// each other.
@org.junit.jupiter.api.parallel.ResourceLock(RoundTripCorpus.ROLE_LOCK)
class MigrationSqlRoundTripTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestServer postgres;

    enum MoodV1 { sad, ok }

    static final PgEnum<MoodV1> MOOD = PgEnum.of("mood", MoodV1.class);

    enum Stage { @PgLabel("in-progress") IN_PROGRESS, @PgLabel("1st") FIRST, done }

    static final PgEnum<Stage> STAGE = PgEnum.of("stage", Stage.class);

    /** A role name of this run: roles belong to the whole cluster, which other runs may share. */
    static final String ROLE = CatalogDump.ROLE_PREFIX + java.util.UUID.randomUUID().toString().substring(0, 8);
    static final PgRole APP = PgRole.of(ROLE);

    @BeforeAll
    static void start() {
        postgres = TestServer.start();
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    /** One corpus entry; {@code toString} names the test. */
    record Case(String name, Supplier<Schema> a, Supplier<Schema> b) {
        @Override
        public String toString() {
            return name;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void upGivesTheCatalogOfTheNewSchemaAndDownGivesTheOldOneBack(Case c) throws SQLException {
        Snapshot a = SnapshotBuilder.of(c.a().get());
        Snapshot b = SnapshotBuilder.of(c.b().get());
        List<Change> changes = Diff.between(a, b);
        assertThat(changes).as("changes from A to B").isNotEmpty();
        assertThat(Diff.between(b, b)).as("changes from B to B").isEmpty();

        // A and B are built one after the other, each in a database of its own that is dropped with the test
        // roles before the next: roles belong to the cluster, and one database's roles would show in the other.
        String catalogA;
        String afterUp;
        String afterDown;
        String dbA = freshDatabase();
        try (Connection ca = connect(dbA)) {
            run(ca, MigrationSql.upStatements(Diff.between(Snapshot.empty(), a)));
            catalogA = CatalogDump.withRoles(ca);
            run(ca, MigrationSql.upStatements(changes));
            afterUp = CatalogDump.withRoles(ca);
            run(ca, MigrationSql.downStatements(changes));
            afterDown = CatalogDump.withRoles(ca);
        } finally {
            dropDatabase(dbA);
        }
        String catalogB;
        String dbB = freshDatabase();
        try (Connection cb = connect(dbB)) {
            run(cb, MigrationSql.upStatements(Diff.between(Snapshot.empty(), b)));
            catalogB = CatalogDump.withRoles(cb);
        } finally {
            dropDatabase(dbB);
        }
        assertThat(catalogA).as("A and B differ in the catalog").isNotEqualTo(catalogB);
        assertThat(afterUp).as("after up:\n" + MigrationSql.up(changes)).isEqualTo(catalogB);
        assertThat(afterDown).as("after down:\n" + MigrationSql.down(changes)).isEqualTo(catalogA);
    }

    @Test
    void theCorpusHasAtLeastFortyCases() {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(40);
    }

    // ------------------------------------------------------------------------------------------ the corpus

    static Stream<Case> corpus() {
        return Stream.of(
                new Case("create table", MigrationSqlRoundTripTest::none, () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> name = text("name").notNull();
                })),
                new Case("drop table", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> name = text("name");
                }), MigrationSqlRoundTripTest::none),
                new Case("add nullable column", () -> s(base()), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> name = text("name");
                })),
                new Case("add not null column with default", () -> s(base()), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<Boolean> active = bool("active").notNull().defaultValue(true);
                })),
                new Case("drop column", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> name = text("name").notNull().defaultValue("x");
                }), () -> s(base())),
                new Case("rename column with hint", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> mail = text("mail");
                }), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> email = text("email").renamedFrom("mail");
                })),
                new Case("rename table with hint", () -> s(new Table("people") {
                    final Column<Long> id = bigint("id").primaryKey().generatedAlwaysAsIdentity();
                    final Column<String> email = text("email").unique();
                }), () -> s(new Table("persons") {
                    final Column<Long> id = bigint("id").primaryKey().generatedAlwaysAsIdentity();
                    final Column<String> email = text("email").unique();

                    {
                        renamedFrom("people");
                    }
                })),
                new Case("alter type integer to bigint", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<Integer> n = integer("n");
                }), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<Long> n = bigint("n");
                })),
                new Case("alter type varchar to text", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> n = varchar("n", 50);
                }), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> n = text("n");
                })),
                new Case("alter type with a default", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<Integer> n = integer("n").notNull().defaultValue(0);
                }), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> n = text("n").notNull().defaultValue("0");
                })),
                new Case("set not null", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> n = text("n");
                }), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> n = text("n").notNull();
                })),
                new Case("drop not null", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> n = text("n").notNull();
                }), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> n = text("n");
                })),
                new Case("set default", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<Integer> n = integer("n");
                }), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<Integer> n = integer("n").defaultValue(7);
                })),
                new Case("drop default", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> n = text("n").defaultValue("it's");
                }), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> n = text("n");
                })),
                new Case("change default to an expression", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<java.time.OffsetDateTime> at = timestamptz("at").defaultSql("'2020-01-01'");
                }), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<java.time.OffsetDateTime> at = timestamptz("at").defaultNow();
                })),
                new Case("add identity", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").notNull();
                }), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").generatedByDefaultAsIdentity();
                })),
                new Case("drop identity", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").generatedAlwaysAsIdentity();
                }), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").notNull();
                })),
                new Case("drop identity and not null", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").generatedAlwaysAsIdentity();
                }), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id");
                })),
                new Case("identity always to by default", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey().generatedAlwaysAsIdentity();
                }), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey().generatedByDefaultAsIdentity();
                })),
                new Case("identity options", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey().generatedAlwaysAsIdentity();
                }), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey().generatedAlwaysAsIdentity(
                            IdentityOptions.startWith(100).incrementBy(5).maxValue(100000).cache(10).withCycle());
                })),
                new Case("add primary key", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id");
                }), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                })),
                new Case("drop primary key", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                }), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id");
                })),
                new Case("change primary key columns", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> code = text("code").notNull();
                }), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id");
                    final Column<String> code = text("code").notNull();

                    {
                        primaryKey(id, code);
                    }
                })),
                new Case("add unique", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> email = text("email");
                }), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> email = text("email").unique();
                })),
                new Case("drop multi-column unique", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> a = text("a");
                    final Column<String> b = text("b");

                    {
                        unique("t_a_b_key", a, b);
                    }
                }), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> a = text("a");
                    final Column<String> b = text("b");
                })),
                new Case("unique becomes nulls not distinct", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> email = text("email").unique("t_email_key");
                }), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> email = text("email");

                    {
                        unique("t_email_key", email).nullsNotDistinct();
                    }
                })),
                new Case("add column with foreign key", () -> s(parent()), () -> {
                    var p = parent();
                    return s(p, new Table("child") {
                        final Column<Long> id = bigint("id").primaryKey();
                        final Column<Long> parentId = bigint("parent_id").references(() -> p.id);
                    });
                }),
                new Case("add foreign key to existing column", () -> s(parent(), new Table("child") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<Long> parentId = bigint("parent_id");
                }), () -> {
                    var p = parent();
                    return s(p, new Table("child") {
                        final Column<Long> id = bigint("id").primaryKey();
                        final Column<Long> parentId = bigint("parent_id").references(() -> p.id);
                    });
                }),
                new Case("drop foreign key", () -> {
                    var p = parent();
                    return s(p, new Table("child") {
                        final Column<Long> id = bigint("id").primaryKey();
                        final Column<Long> parentId = bigint("parent_id").references(() -> p.id);
                    });
                }, () -> s(parent(), new Table("child") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<Long> parentId = bigint("parent_id");
                })),
                new Case("foreign key action changes", () -> {
                    var p = parent();
                    return s(p, new Table("child") {
                        final Column<Long> id = bigint("id").primaryKey();
                        final Column<Long> parentId = bigint("parent_id").references(() -> p.id);
                    });
                }, () -> {
                    var p = parent();
                    return s(p, new Table("child") {
                        final Column<Long> id = bigint("id").primaryKey();
                        final Column<Long> parentId = bigint("parent_id").references(() -> p.id, OnDelete.CASCADE);
                    });
                }),
                new Case("referenced table renamed", () -> {
                    var p = parent();
                    return s(p, new Table("child") {
                        final Column<Long> id = bigint("id").primaryKey();
                        final Column<Long> parentId = bigint("parent_id").references(() -> p.id);
                    });
                }, () -> {
                    var p = new Table("mother") {
                        final Column<Long> id = bigint("id").primaryKey();

                        {
                            renamedFrom("parent");
                        }
                    };
                    return s(p, new Table("child") {
                        final Column<Long> id = bigint("id").primaryKey();
                        final Column<Long> parentId = bigint("parent_id").references(() -> p.id);
                    });
                }),
                new Case("create two related tables", MigrationSqlRoundTripTest::none, () -> {
                    var p = parent();
                    return s(p, new Table("child") {
                        final Column<Long> id = bigint("id").primaryKey();
                        final Column<Long> parentId = bigint("parent_id").notNull().references(() -> p.id);

                        {
                            index("child_parent_idx").on(parentId);
                        }
                    });
                }),
                new Case("drop two related tables", () -> {
                    var p = parent();
                    return s(p, new Table("child") {
                        final Column<Long> id = bigint("id").primaryKey();
                        final Column<Long> parentId = bigint("parent_id").notNull().references(() -> p.id);

                        {
                            index("child_parent_idx").on(parentId);
                        }
                    });
                }, MigrationSqlRoundTripTest::none),
                new Case("add check", () -> s(base()), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();

                    {
                        check("t_id_positive", "id > 0");
                    }
                })),
                new Case("drop check", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();

                    {
                        check("t_id_positive", "id > 0");
                    }
                }), () -> s(base())),
                new Case("change check", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();

                    {
                        check("t_id_positive", "id > 0");
                    }
                }), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();

                    {
                        check("t_id_positive", "id > 10");
                    }
                })),
                new Case("create index", () -> s(named()), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> name = text("name");

                    {
                        index("t_name_idx").on(name);
                    }
                })),
                new Case("create index concurrently", () -> s(named()), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> name = text("name");

                    {
                        index("t_name_idx").on(name).concurrently();
                    }
                })),
                new Case("drop index", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> name = text("name");

                    {
                        uniqueIndex("t_name_idx").on(desc(name));
                    }
                }), () -> s(named())),
                new Case("index becomes partial", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> name = text("name");

                    {
                        index("t_name_idx").on(name);
                    }
                }), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> name = text("name");

                    {
                        index("t_name_idx").on(name).where("name is not null");
                    }
                })),
                new Case("index method changes", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> name = text("name");

                    {
                        index("t_name_idx").on(name);
                    }
                }), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> name = text("name");

                    {
                        index("t_name_idx").on(name).using("hash");
                    }
                })),
                new Case("rename column under an index and a unique constraint", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> mail = text("mail").unique();

                    {
                        index("t_mail_idx").on(mail);
                    }
                }), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> email = text("email").unique().renamedFrom("mail");

                    {
                        index("t_mail_idx").on(email);
                    }
                })),
                new Case("create enum and a column of it", () -> s(base()), () -> new Schema(List.of(MOOD),
                        List.of(new Table("t") {
                            final Column<Long> id = bigint("id").primaryKey();
                            final Column<MoodV1> mood = enumeration("mood", MOOD).notNull().defaultValue(MoodV1.ok);
                        }))),
                new Case("drop enum and its column", () -> new Schema(List.of(MOOD), List.of(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<MoodV1> mood = enumeration("mood", MOOD);
                })), () -> s(base())),
                new Case("text column becomes an enum", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> mood = text("mood");
                }), () -> new Schema(List.of(MOOD), List.of(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<MoodV1> mood = enumeration("mood", MOOD);
                }))),
                new Case("create schema with a table", MigrationSqlRoundTripTest::none, () -> s(new Table("app", "t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> name = text("name");

                    {
                        index("t_name_idx").on(name);
                    }
                })),
                new Case("drop schema with a table", () -> s(new Table("app", "t") {
                    final Column<Long> id = bigint("id").primaryKey();
                }), MigrationSqlRoundTripTest::none),
                new Case("add generated column", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<Integer> n = integer("n");
                }), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<Integer> n = integer("n");
                    final Column<Integer> twice = integer("twice").generatedAlwaysAs("n * 2");
                })),
                new Case("change generated expression", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<Integer> n = integer("n");
                    final Column<Integer> twice = integer("twice").generatedAlwaysAs("n * 2");
                }), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<Integer> n = integer("n");
                    final Column<Integer> twice = integer("twice").generatedAlwaysAs("n * 3");
                })),
                new Case("create sequence with options", MigrationSqlRoundTripTest::none, () -> objects(List.of(),
                        List.of(PgSequence.of("invoice_no").options(IdentityOptions.startWith(1000).incrementBy(5)
                                .cache(10))), List.of(), List.of())),
                new Case("alter sequence options", () -> objects(List.of(), List.of(PgSequence.of("s")), List.of(),
                        List.of()), () -> objects(List.of(), List.of(PgSequence.of("s").options(IdentityOptions
                        .startWith(10).incrementBy(2).minValue(-100).maxValue(1000).cache(3).withCycle())), List.of(),
                        List.of())),
                new Case("sequence type and bounds", () -> objects(List.of(), List.of(PgSequence.of("s")
                        .options(IdentityOptions.DEFAULTS.maxValue(500))), List.of(), List.of()),
                        () -> objects(List.of(), List.of(PgSequence.of("s").as("integer")), List.of(), List.of())),
                new Case("drop sequence with a comment", () -> objects(List.of(), List.of(PgSequence.of("app", "s")
                        .comment("numbers on invoices")), List.of(), List.of()), MigrationSqlRoundTripTest::none),
                new Case("sequence used by a column default", MigrationSqlRoundTripTest::none, () -> objects(
                        List.of(new Table("t") {
                            final Column<Long> id = bigint("id").primaryKey().defaultSql("nextval('s')");
                        }), List.of(PgSequence.of("s")), List.of(), List.of())),
                new Case("create view with a comment", () -> s(named()), () -> objects(List.of(named()), List.of(),
                        List.of(PgView.of("v").as("select id, name from t where name is not null")
                                .comment("named rows")), List.of())),
                new Case("change view definition", () -> objects(List.of(named()), List.of(),
                        List.of(PgView.of("v").as("select id from t")), List.of()),
                        () -> objects(List.of(named()), List.of(),
                        List.of(PgView.of("v").as("select id, upper(name) as name from t")), List.of())),
                new Case("create and drop a view on a view", () -> s(named()), () -> objects(List.of(named()),
                        List.of(), List.of(PgView.of("v1").as("select id, name from t"),
                                PgView.of("app", "v2").as("select count(*) as n from v1")), List.of())),
                new Case("column type change under a view", () -> objects(List.of(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<Integer> n = integer("n");
                }), List.of(), List.of(PgView.of("v").as("select n from t")), List.of()), () -> objects(
                        List.of(new Table("t") {
                            final Column<Long> id = bigint("id").primaryKey();
                            final Column<Long> n = bigint("n");
                        }), List.of(), List.of(PgView.of("v").as("select n from t")), List.of())),
                new Case("materialized view with no data", () -> s(named()), () -> objects(List.of(named()),
                        List.of(), List.of(PgView.materialized("counts").as("select count(*) as n from t")
                                .withNoData().comment("refreshed nightly")), List.of())),
                new Case("view becomes security invoker", () -> objects(List.of(named()), List.of(),
                        List.of(PgView.of("v").as("select id from t")), List.of()),
                        () -> objects(List.of(named()), List.of(),
                        List.of(PgView.of("v").as("select id from t").securityInvoker()), List.of())),
                new Case("enable row level security", () -> s(named()), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> name = text("name");

                    {
                        enableRowLevelSecurity();
                    }
                })),
                new Case("force row level security", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();

                    {
                        enableRowLevelSecurity();
                    }
                }), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();

                    {
                        forceRowLevelSecurity();
                    }
                })),
                new Case("create a role and a policy for it", () -> s(named()), () -> objects(List.of(
                        new Table("t") {
                            final Column<Long> id = bigint("id").primaryKey();
                            final Column<String> name = text("name");

                            {
                                policy("own_rows").forCommand(PolicyCommand.UPDATE).to(APP)
                                        .using("name = current_user").withCheck("name = current_user");
                            }
                        }), List.of(), List.of(), List.of(APP))),
                new Case("change a policy", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();

                    {
                        policy("p").using("id > 0");
                    }
                }), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();

                    {
                        policy("p").as(PolicyAs.RESTRICTIVE).forCommand(PolicyCommand.SELECT).to("public")
                                .using("id > 10");
                    }
                })),
                new Case("drop a table with policies and its role", () -> objects(List.of(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();

                    {
                        forceRowLevelSecurity();
                        policy("reads").forCommand(PolicyCommand.SELECT).to(APP).using("true");
                        policy("writes").forCommand(PolicyCommand.INSERT).to(APP).withCheck("id > 0");
                    }
                }), List.of(), List.of(), List.of(APP)), MigrationSqlRoundTripTest::none),
                new Case("grant privileges to a role and to everyone", () -> s(base()), () -> objects(List.of(
                        new Table("t") {
                            final Column<Long> id = bigint("id").primaryKey();

                            {
                                grant(APP, Privilege.SELECT, Privilege.INSERT);
                                grant("public", Privilege.SELECT);
                            }
                        }), List.of(), List.of(), List.of(APP))),
                new Case("privileges change", () -> objects(List.of(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();

                    {
                        grant(APP, Privilege.SELECT, Privilege.INSERT);
                    }
                }), List.of(), List.of(), List.of(APP)), () -> objects(List.of(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();

                    {
                        grant(APP, Privilege.UPDATE, Privilege.SELECT, Privilege.DELETE);
                    }
                }), List.of(), List.of(), List.of(APP))),
                new Case("drop a table with grants and its role", () -> objects(List.of(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();

                    {
                        grant(APP, Privilege.SELECT, Privilege.TRUNCATE, Privilege.REFERENCES, Privilege.TRIGGER);
                    }
                }), List.of(), List.of(), List.of(APP)), MigrationSqlRoundTripTest::none),
                new Case("role attributes change", () -> objects(List.of(), List.of(), List.of(), List.of(APP)),
                        () -> objects(List.of(), List.of(), List.of(), List.of(PgRole.of(ROLE).login().createDb()
                                .noInherit()))),
                new Case("comments on a table and its columns", () -> s(named()), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey().comment("the key");
                    final Column<String> name = text("name").comment("shown to users; it's free text");

                    {
                        comment("things with names");
                    }
                })),
                new Case("comments change and go", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey().comment("the key");
                    final Column<String> name = text("name");

                    {
                        comment("old");
                    }
                }), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> name = text("name").comment("new");

                    {
                        comment("new");
                    }
                })),
                new Case("labels that are no Java names, precise times, smallserial, a named key",
                        () -> s(base()), () -> new Schema(List.of(STAGE), List.of(new Table("t") {
                    final Column<Long> id = bigint("id");
                    final Column<Short> n = smallserial("n");
                    final Column<Stage> stage = enumeration("stage", STAGE).notNull().defaultValue(Stage.IN_PROGRESS);
                    final Column<java.time.OffsetDateTime> at = timestamptz("at", 3).defaultNow();
                    final Column<java.time.LocalDateTime> local = timestamp("local", 0);
                    final Column<java.time.LocalTime> clock = time("clock", 6);

                    {
                        primaryKey("t_main_key", id);
                    }
                }))),
                new Case("a tenant table asks for the isolation policy", () -> s(base()), () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<java.util.UUID> tenantId = uuid("tenant_id").tenantKey();

                    {
                        tenantIsolationPolicy();
                        forceRowLevelSecurity();
                    }
                })),
                new Case("index elements with collation, operator class and order", () -> s(base()),
                        () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> name = text("name");

                    {
                        index("t_name_idx").on(desc(name).collate("C").nullsLast(),
                                expression("lower(name)").opclass("text_pattern_ops").desc().nullsFirst(),
                                expression("upper(name)").collate("C"));
                    }
                })),
                new Case("drop a column with a comment", () -> s(new Table("t") {
                    final Column<Long> id = bigint("id").primaryKey();
                    final Column<String> name = text("name").comment("to go");
                }), () -> s(base())),
                new Case("many changes at once", () -> {
                    var p = parent();
                    return s(p, new Table("child") {
                        final Column<Long> id = bigint("id").primaryKey();
                        final Column<Long> parentId = bigint("parent_id").references(() -> p.id);
                        final Column<String> note = varchar("note", 20);
                    });
                }, () -> {
                    var p = new Table("parent") {
                        final Column<Long> id = bigint("id").primaryKey();
                        final Column<String> title = text("title").notNull().defaultValue("untitled");
                    };
                    var ch = new Table("child") {
                        final Column<Long> id = bigint("id").primaryKey().generatedByDefaultAsIdentity();
                        final Column<Long> parentId = bigint("parent_id").notNull()
                                .references(() -> p.id, OnDelete.CASCADE);
                        final Column<String> remark = text("remark").renamedFrom("note");
                        final Column<MoodV1> mood = enumeration("mood", MOOD);

                        {
                            index("child_parent_idx").on(parentId);
                            check("child_remark_short", "length(remark) < 100");
                        }
                    };
                    return new Schema(List.of(MOOD), List.of(p, ch, new Table("log") {
                        final Column<Long> id = bigint("id").primaryKey().generatedAlwaysAsIdentity();
                        final Column<Long> childId = bigint("child_id").references(() -> ch.id);
                    }));
                }));
    }

    // ------------------------------------------------------------------------------------------ fixtures

    private static Schema none() {
        return new Schema(List.of(), List.of());
    }

    private static Schema objects(List<Table> tables, List<PgSequence> sequences, List<PgView> views,
                                  List<PgRole> roles) {
        return new Schema(List.of(), tables, sequences, views, roles);
    }

    private static Schema s(Table... tables) {
        return new Schema(List.of(), List.of(tables));
    }

    private static Table base() {
        return new Table("t") {
            final Column<Long> id = bigint("id").primaryKey();
        };
    }

    private static Table named() {
        return new Table("t") {
            final Column<Long> id = bigint("id").primaryKey();
            final Column<String> name = text("name");
        };
    }

    private static Parent parent() {
        return new Parent();
    }

    /** A table other tables reference. */
    static final class Parent extends Table {
        final Column<Long> id = bigint("id").primaryKey();

        Parent() {
            super("parent");
        }
    }

    // ------------------------------------------------------------------------------------------ database

    private static String freshDatabase() throws SQLException {
        String name = postgres.name("roundtrip_" + DATABASES.incrementAndGet());
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("postgres"));
             Statement s = c.createStatement()) {
            s.execute("create database \"" + name + "\"");
        }
        return name;
    }

    private static void dropDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("postgres"));
             Statement s = c.createStatement()) {
            s.execute("drop database if exists \"" + name + "\"");
            s.execute("drop role if exists \"" + ROLE + "\"");
        }
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database));
    }

    /** Runs statements one by one in autocommit, as a migration without a transaction would. */
    static void run(Connection connection, List<String> statements) throws SQLException {
        for (String sql : statements) {
            try (Statement s = connection.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new SQLException(e.getMessage() + "\nin: " + sql, e.getSQLState(), e);
            }
        }
    }
}
