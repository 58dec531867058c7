package dev.sleet.query;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.ddl.SchemaDdl;
import dev.sleet.exec.Row;
import dev.sleet.exec.SleetException;
import dev.sleet.fixtures.BlogSchema;
import dev.sleet.render.QueryPart;
import dev.sleet.schema.Column;
import dev.sleet.schema.Schema;
import dev.sleet.schema.Table;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static dev.sleet.Sql.count;
import static dev.sleet.Sql.eq;
import static dev.sleet.fixtures.BlogSchema.POSTS;
import static dev.sleet.fixtures.BlogSchema.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PostgresTest
class RowLockingTest {

    /** {@code jobs}: a queue table. */
    static final class Jobs extends Table {
        static final Jobs JOBS = new Jobs();

        final Column<Long> id = bigint("id").primaryKey().generatedAlwaysAsIdentity();
        final Column<String> state = text("state").notNull().defaultValue("queued");
        final Column<String> worker = text("worker");

        private Jobs() {
            super("jobs");
        }
    }

    private static final Jobs JOBS = Jobs.JOBS;

    private static Db db;
    private static ExecutorService threads;

    @BeforeAll
    static void createSchema(TestDatabase database) {
        db = Sleet.connect(database.url());
        BlogSchema.create(db);
        for (QueryPart statement : SchemaDdl.create(new Schema(List.of(), List.of(JOBS)))) {
            db.execute(statement);
        }
        threads = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void close() {
        threads.shutdownNow();
        db.close();
    }

    @BeforeEach
    void seed() {
        db.execute(ctx -> ctx.sql("truncate table jobs restart identity"));
        BlogSchema.reset(db);
        for (int i = 0; i < 3; i++) {
            db.insert(JOBS).set(JOBS.state, "queued").execute();
        }
        long ann = db.insert(USERS).set(USERS.email, "ann@example.com").returning(USERS.id).fetchOne().get(USERS.id);
        db.insert(POSTS).set(POSTS.authorId, ann).set(POSTS.title, "Hello").execute();
    }

    /** The next queued job, locked for this transaction; jobs other workers hold are skipped. */
    private static Optional<Long> claimNext(Db tx) {
        return tx.select(JOBS.id).from(JOBS).where(eq(JOBS.state, "queued")).orderBy(JOBS.id).limit(1)
                .forUpdate().skipLocked()
                .fetchOptional().map(r -> r.get(JOBS.id));
    }

    /**
     * Runs {@code whileHeld} while another transaction, on another thread and connection, holds the locks
     * {@code lock} takes; that transaction ends once {@code whileHeld} returns.
     */
    private static <T> T whileAnotherTransactionHolds(Function<Db, Object> lock, Function<Db, T> whileHeld)
            throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> holder = threads.submit(() -> db.transactionResult(tx -> {
            Object held = lock.apply(tx);
            locked.countDown();
            assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
            return held;
        }));
        try {
            assertThat(locked.await(30, TimeUnit.SECONDS)).as("the other transaction took its lock").isTrue();
            return whileHeld.apply(db);
        } finally {
            release.countDown();
            holder.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void skipLockedLetsTwoWorkersClaimDifferentJobs() throws Exception {
        CountDownLatch aClaimed = new CountDownLatch(1);
        CountDownLatch bClaimed = new CountDownLatch(1);

        Future<Long> workerA = threads.submit(() -> db.transactionResult(tx -> {
            long job = claimNext(tx).orElseThrow();
            aClaimed.countDown();
            // keep the lock until worker B has claimed its own job in its concurrent transaction
            assertThat(bClaimed.await(30, TimeUnit.SECONDS)).isTrue();
            tx.update(JOBS).set(JOBS.state, "done").set(JOBS.worker, "A").where(eq(JOBS.id, job)).execute();
            return job;
        }));
        assertThat(aClaimed.await(30, TimeUnit.SECONDS)).isTrue();
        Future<Long> workerB = threads.submit(() -> db.transactionResult(tx -> {
            long job = claimNext(tx).orElseThrow();
            bClaimed.countDown();
            tx.update(JOBS).set(JOBS.state, "done").set(JOBS.worker, "B").where(eq(JOBS.id, job)).execute();
            return job;
        }));

        assertThat(workerA.get(30, TimeUnit.SECONDS)).isEqualTo(1L);
        assertThat(workerB.get(30, TimeUnit.SECONDS)).isEqualTo(2L);
        List<Row> jobs = db.select(JOBS.id, JOBS.state, JOBS.worker).from(JOBS).orderBy(JOBS.id).fetch();
        assertThat(jobs).extracting(r -> r.get(JOBS.id) + ":" + r.get(JOBS.state) + ":" + r.get(JOBS.worker))
                .containsExactly("1:done:A", "2:done:B", "3:queued:null");
    }

    @Test
    void skipLockedFindsNothingWhenEveryMatchingRowIsHeld() throws Exception {
        Optional<Long> claimed = whileAnotherTransactionHolds(
                tx -> tx.select(JOBS.id).from(JOBS).forUpdate().fetch(),
                other -> other.transactionResult(RowLockingTest::claimNext));

        assertThat(claimed).isEmpty();
    }

    @Test
    void noWaitFailsAtOnceWithLockNotAvailable() throws Exception {
        long started = System.nanoTime();
        Throwable failure = whileAnotherTransactionHolds(
                tx -> tx.select(JOBS.id).from(JOBS).where(eq(JOBS.id, 1L)).forUpdate().fetch(),
                other -> catchFailure(() -> other.transaction(tx ->
                        tx.select(JOBS.id).from(JOBS).where(eq(JOBS.id, 1L)).forUpdate().noWait().fetch())));

        assertThat(failure).isInstanceOf(SleetException.class);
        assertThat(((SleetException) failure).sqlState()).isEqualTo("55P03");
        assertThat(((SleetException) failure).sql()).endsWith("for update nowait");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(10);
        // another row is not held: nowait succeeds on it
        List<Row> rows = db.transactionResult(tx ->
                tx.select(JOBS.id).from(JOBS).where(eq(JOBS.id, 2L)).forUpdate().noWait().fetch());
        assertThat(rows).hasSize(1);
    }

    @Test
    void lockStrengthsConflictTheWayPostgresqlDefinesThem() throws Exception {
        // for no key update admits for key share (a foreign key check) but not for share
        List<Object> outcomes = whileAnotherTransactionHolds(
                tx -> tx.select(JOBS.id).from(JOBS).where(eq(JOBS.id, 1L)).forNoKeyUpdate().fetch(),
                other -> List.of(
                        outcome(other, s -> s.forKeyShare().noWait()),
                        outcome(other, s -> s.forShare().noWait()),
                        outcome(other, s -> s.forUpdate().noWait())));
        assertThat(outcomes).containsExactly("locked", "55P03", "55P03");

        // for share is shared with other share locks but not with for update
        outcomes = whileAnotherTransactionHolds(
                tx -> tx.select(JOBS.id).from(JOBS).where(eq(JOBS.id, 1L)).forShare().fetch(),
                other -> List.of(
                        outcome(other, s -> s.forShare().noWait()),
                        outcome(other, s -> s.forKeyShare().noWait()),
                        outcome(other, s -> s.forNoKeyUpdate().noWait())));
        assertThat(outcomes).containsExactly("locked", "locked", "55P03");
    }

    private static Object outcome(Db db, Function<SelectLockStep, SelectLockStep> lock) {
        Throwable failure = catchFailure(() -> db.transaction(tx ->
                lock.apply(tx.select(JOBS.id).from(JOBS).where(eq(JOBS.id, 1L))).fetchOne()));
        return failure == null ? "locked" : ((SleetException) failure).sqlState();
    }

    @Test
    void ofLocksOnlyTheNamedTablesOfAJoin() throws Exception {
        Function<Db, SelectLockOfStep> postsWithAuthors = d -> d.select(POSTS.title).from(POSTS).innerJoin(USERS)
                .on(eq(POSTS.authorId, USERS.id)).forUpdate();

        List<Object> outcomes = whileAnotherTransactionHolds(
                tx -> tx.select(USERS.id).from(USERS).forUpdate().fetch(),
                other -> List.of(
                        String.valueOf(catchFailure(() -> other.transaction(tx ->
                                postsWithAuthors.apply(tx).noWait().fetch()))),
                        other.transactionResult(tx -> postsWithAuthors.apply(tx).of(POSTS).noWait().fetch().size())));

        assertThat((String) outcomes.get(0)).contains("55P03");
        assertThat(outcomes.get(1)).isEqualTo(1);
        assertThat(postsWithAuthors.apply(db).of(POSTS).noWait().toSql().sql())
                .endsWith(" for update of \"posts\" nowait");
    }

    @Test
    void severalLockingClausesRenderInOrderAndRun() {
        Select select = db.select(POSTS.title).from(POSTS).innerJoin(USERS).on(eq(POSTS.authorId, USERS.id))
                .orderBy(POSTS.id).limit(5).offset(0)
                .forUpdate().of(POSTS).skipLocked()
                .forKeyShare().of(USERS);

        assertThat(select.toSql().sql()).endsWith(
                " limit 5 offset 0 for update of \"posts\" skip locked for key share of \"users\"");
        List<Row> rows = db.transactionResult(tx -> tx.select(POSTS.title).from(POSTS).innerJoin(USERS)
                .on(eq(POSTS.authorId, USERS.id)).orderBy(POSTS.id).limit(5).offset(0)
                .forUpdate().of(POSTS).skipLocked().forKeyShare().of(USERS).fetch());
        assertThat(rows).extracting(r -> r.get(POSTS.title)).containsExactly("Hello");
    }

    @Test
    void combinationsPostgresqlRefusesFailBeforeAnySqlIsSent() {
        assertThatThrownBy(() -> db.select(count()).from(JOBS).forUpdate().toSql())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("for update cannot be used with aggregate functions (count)");
        assertThatThrownBy(() -> db.select(JOBS.state).from(JOBS).groupBy(JOBS.state).forShare().fetch())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("for share cannot be used with group by");
        assertThatThrownBy(() -> db.selectDistinct(JOBS.state).from(JOBS).forKeyShare().fetch())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("for key share cannot be used with distinct");
        assertThatThrownBy(() -> db.select(JOBS.id).from(JOBS).forUpdate().of(USERS).fetch())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("table users is not in the query's from or joins; name one of jobs");
        assertThatThrownBy(() -> db.select(USERS.id).from(USERS).leftJoin(POSTS).on(eq(POSTS.authorId, USERS.id))
                .forUpdate().fetch())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nullable side of an outer join")
                .hasMessageContaining("use of(...) to lock only users");
        assertThatThrownBy(() -> db.select(JOBS.id).from(JOBS).forUpdate().of())
                .isInstanceOf(IllegalArgumentException.class);
        // the outer join is fine once the nullable side is left out
        List<Row> rows = db.transactionResult(tx -> tx.select(USERS.id).from(USERS).leftJoin(POSTS)
                .on(eq(POSTS.authorId, USERS.id)).forUpdate().of(USERS).fetch());
        assertThat(rows).hasSize(1);
    }

    @Test
    void aCteOnTheNullableSideOfAnOuterJoinIsNotLockedSoTheLockIsAllowed() {
        dev.sleet.query.Cte recent = dev.sleet.Sql.cte("recent").as(db.select(POSTS.authorId).from(POSTS));
        List<Row> rows = db.transactionResult(tx -> tx.with(recent).select(USERS.id).from(USERS)
                .leftJoin(recent).on(eq(recent.field(POSTS.authorId), USERS.id)).forUpdate().fetch());

        assertThat(rows).isNotEmpty();
    }

    private static Throwable catchFailure(Runnable action) {
        try {
            action.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
