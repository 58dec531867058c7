package dev.sleet.exec;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.SleetOptions;
import dev.sleet.fixtures.BlogSchema;
import dev.sleet.fixtures.SqlExpression;
import dev.sleet.query.Field;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.column.TextType;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.sleet.Sql.eq;
import static dev.sleet.fixtures.BlogSchema.COUNTERS;
import static dev.sleet.fixtures.BlogSchema.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PostgresTest
class TransactionTest {

    private static Db db;

    @BeforeAll
    static void createSchema(TestDatabase database) {
        db = Sleet.connect(database.url());
        BlogSchema.create(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void empty() {
        BlogSchema.reset(db);
    }

    private static void addUser(Db target, String email) {
        target.insert(USERS).set(USERS.email, email).execute();
    }

    private static List<String> emails() {
        return db.select(USERS.email).from(USERS).orderBy(USERS.id).fetch().stream().map(r -> r.get(USERS.email))
                .toList();
    }

    /** {@code current_setting(name)}, to look at the session and transaction settings. */
    private static Field<String> setting(String name) {
        return new SqlExpression<>(TextType.INSTANCE, "setting",
                "current_setting(" + RenderContext.quoteLiteral(name) + ")");
    }

    private static String show(Db target, String name) {
        return target.select(setting(name)).fetchOne().get(0, String.class);
    }

    // ------------------------------------------------------------------------------------------ commit, rollback

    @Test
    void commitsWhenTheWorkReturns() {
        db.transaction(tx -> {
            addUser(tx, "ann@example.com");
            addUser(tx, "bob@example.com");
        });

        assertThat(emails()).containsExactly("ann@example.com", "bob@example.com");
    }

    @Test
    void workInsideTheTransactionIsInvisibleToOthersUntilCommit() {
        db.transaction(tx -> {
            addUser(tx, "ann@example.com");
            assertThat(tx.count(USERS)).isEqualTo(1L);
            assertThat(db.count(USERS)).isZero();
        });

        assertThat(db.count(USERS)).isEqualTo(1L);
    }

    @Test
    void rollsBackOnRuntimeExceptionAndRethrowsTheSameException() {
        IllegalStateException boom = new IllegalStateException("boom");

        assertThatThrownBy(() -> db.transaction(tx -> {
            addUser(tx, "ann@example.com");
            throw boom;
        })).isSameAs(boom);

        assertThat(emails()).isEmpty();
    }

    @Test
    void rollsBackWhenAStatementFailsAndRethrowsItsSleetException() {
        db.transaction(tx -> addUser(tx, "taken@example.com"));

        assertThatThrownBy(() -> db.transaction(tx -> {
            addUser(tx, "ann@example.com");
            addUser(tx, "taken@example.com");
        })).isInstanceOf(UniqueViolationException.class);

        assertThat(emails()).containsExactly("taken@example.com");
    }

    @Test
    void wrapsACheckedExceptionInSleetExceptionWithTheCause() {
        IOException disk = new IOException("disk full");

        assertThatThrownBy(() -> db.transaction(tx -> {
            addUser(tx, "ann@example.com");
            throw disk;
        })).isExactlyInstanceOf(SleetException.class)
                .hasCause(disk)
                .hasMessageContaining("rolled back");

        assertThat(emails()).isEmpty();
    }

    @Test
    void transactionResultReturnsWhatTheWorkReturned() {
        Long total = db.transactionResult(tx -> {
            addUser(tx, "ann@example.com");
            addUser(tx, "bob@example.com");
            return tx.count(USERS);
        });
        String email = db.transactionResult(tx -> tx.select(USERS.email).from(USERS).where(eq(USERS.id, 1L))
                .fetchOne().get(USERS.email));

        assertThat(total).isEqualTo(2L);
        assertThat(email).isEqualTo("ann@example.com");
    }

    // ------------------------------------------------------------------------------------------ savepoints

    @Test
    void rollsBackToSavepointWhenNestedTransactionFails() {
        db.transaction(tx -> {
            addUser(tx, "outer-before@example.com");
            RuntimeException inner = new RuntimeException("inner failed");
            assertThatThrownBy(() -> tx.transaction(nested -> {
                addUser(nested, "inner@example.com");
                assertThat(nested.count(USERS)).isEqualTo(2L);
                throw inner;
            })).isSameAs(inner);
            addUser(tx, "outer-after@example.com");
        });

        assertThat(emails()).containsExactly("outer-before@example.com", "outer-after@example.com");
    }

    @Test
    void nestedTransactionRecoversFromAFailedStatement() {
        db.transaction(tx -> addUser(tx, "taken@example.com"));

        db.transaction(tx -> {
            addUser(tx, "ann@example.com");
            assertThatThrownBy(() -> tx.transaction(nested -> addUser(nested, "taken@example.com")))
                    .isInstanceOf(UniqueViolationException.class);
            // without the savepoint this statement would fail: "current transaction is aborted"
            addUser(tx, "bob@example.com");
        });

        assertThat(emails()).containsExactly("taken@example.com", "ann@example.com", "bob@example.com");
    }

    @Test
    void nestedWorkIsCommittedWithTheOuterTransactionAndUndoneWithIt() {
        Long nestedResult = db.transactionResult(tx -> tx.transactionResult(nested -> {
            addUser(nested, "ann@example.com");
            return nested.count(USERS);
        }));
        RuntimeException outer = new RuntimeException("outer failed");
        assertThatThrownBy(() -> db.transaction(tx -> {
            tx.transaction(nested -> addUser(nested, "bob@example.com"));
            throw outer;
        })).isSameAs(outer);

        assertThat(nestedResult).isEqualTo(1L);
        assertThat(emails()).containsExactly("ann@example.com");
    }

    @Test
    void nestedTransactionCannotChangeTheOptions() {
        assertThatThrownBy(() -> db.transaction(tx -> tx.transaction(TransactionOptions.serializable(), nested -> {
        }))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outer transaction");
    }

    // ------------------------------------------------------------------------------------------ options

    @Test
    void readOnlyTransactionRejectsWrites() {
        assertThatThrownBy(() -> db.transaction(TransactionOptions.serializable().readOnly(),
                tx -> addUser(tx, "ann@example.com")))
                .isInstanceOf(SleetException.class)
                .satisfies(e -> assertThat(((SleetException) e).sqlState()).isEqualTo("25006"));

        assertThat(emails()).isEmpty();
    }

    @Test
    void isolationAppliesInsideTheTransactionOnlyAndLeavesNoSessionState(TestDatabase database) {
        // one connection, so the next transaction surely runs on the same session
        try (Db single = Sleet.connect(database.url(), SleetOptions.defaults().maxPoolSize(1))) {
            String defaultIsolation = show(single, "transaction_isolation");

            List<String> inside = single.transactionResult(TransactionOptions.serializable().readOnly(),
                    tx -> List.of(show(tx, "transaction_isolation"), show(tx, "transaction_read_only")));
            List<String> nextTransaction = single.transactionResult(
                    tx -> List.of(show(tx, "transaction_isolation"), show(tx, "transaction_read_only")));

            assertThat(inside).containsExactly("serializable", "on");
            assertThat(defaultIsolation).isEqualTo("read committed");
            assertThat(nextTransaction).containsExactly("read committed", "off");
            assertThat(show(single, "transaction_isolation")).isEqualTo("read committed");
            addUser(single, "after@example.com");
            assertThat(single.count(USERS)).isEqualTo(1L);
        }
    }

    @Test
    void deferrableIsRefusedOutsideSerializableReadOnly() {
        assertThatThrownBy(() -> db.transaction(TransactionOptions.serializable().deferrable(), tx -> {
        })).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("readOnly().deferrable()");
        Long count = db.transactionResult(TransactionOptions.serializable().readOnly().deferrable(),
                tx -> tx.count(USERS));
        assertThat(count).isZero();
    }

    @Test
    void transactionDbCannotBeUsedAfterTheWorkEnded() {
        Db[] leaked = new Db[1];
        db.transaction(tx -> {
            leaked[0] = tx;
            addUser(tx, "ann@example.com");
        });

        assertThatThrownBy(() -> leaked[0].count(USERS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction has ended");
        assertThatThrownBy(() -> addUser(leaked[0], "bob@example.com"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(emails()).containsExactly("ann@example.com");
    }

    // ------------------------------------------------------------------------------------------ retries

    /**
     * Two SERIALIZABLE read-modify-write transactions on one counter; both read before either writes, so one
     * of them must fail with a serialization failure.
     *
     * @return per thread: the value written, or the exception
     */
    private static List<Object> conflictingIncrements(TransactionOptions options) throws Exception {
        db.insert(COUNTERS).set(COUNTERS.name, "hits").set(COUNTERS.value, 0L).execute();
        CyclicBarrier bothRead = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                AtomicInteger attempts = new AtomicInteger();
                futures.add(threads.submit(() -> {
                    try {
                        return db.transactionResult(options, tx -> {
                            long value = tx.select(COUNTERS.value).from(COUNTERS).where(eq(COUNTERS.name, "hits"))
                                    .fetchOne().get(COUNTERS.value);
                            if (attempts.incrementAndGet() == 1) {
                                bothRead.await(10, TimeUnit.SECONDS);
                            }
                            tx.update(COUNTERS).set(COUNTERS.value, value + 1).where(eq(COUNTERS.name, "hits"))
                                    .execute();
                            return (Object) (value + 1);
                        });
                    } catch (SleetException e) {
                        return e;
                    }
                }));
            }
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : futures) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private static long hits() {
        return db.select(COUNTERS.value).from(COUNTERS).where(eq(COUNTERS.name, "hits")).fetchOne()
                .get(COUNTERS.value);
    }

    @Test
    void retriesSerializationFailuresUntilBothTransactionsSucceed() throws Exception {
        List<Object> results = conflictingIncrements(TransactionOptions.serializable().retries(5));

        assertThat(results).containsExactlyInAnyOrder(1L, 2L);
        assertThat(hits()).isEqualTo(2L);
    }

    @Test
    void withoutRetriesOneConflictingTransactionFailsWithSqlState40001() throws Exception {
        List<Object> results = conflictingIncrements(TransactionOptions.serializable().retries(0));

        assertThat(results).filteredOn(r -> r instanceof SleetException).singleElement()
                .satisfies(e -> assertThat(((SleetException) e).sqlState()).isEqualTo("40001"));
        assertThat(results).contains(1L);
        assertThat(hits()).isEqualTo(1L);
    }
}
