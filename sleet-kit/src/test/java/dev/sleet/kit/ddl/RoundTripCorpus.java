package dev.sleet.kit.ddl;

import dev.sleet.schema.Schema;

import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The schemas of {@link MigrationSqlRoundTripTest}'s corpus, for tests in other packages: both sides of every
 * case, named {@code "<case> (A)"} and {@code "<case> (B)"}.
 */
public final class RoundTripCorpus {

    /** The prefix of the role names the corpus creates; roles belong to the cluster. */
    public static final String ROLE_PREFIX = CatalogDump.ROLE_PREFIX;

    /** The JUnit resource lock of the classes that create and drop the corpus's role. */
    public static final String ROLE_LOCK = "dev.sleet.kit.corpus-role";

    /** The role the corpus's policies and role cases use in this run. */
    public static final String ROLE = MigrationSqlRoundTripTest.ROLE;

    private RoundTripCorpus() {
    }

    /**
     * One schema of the corpus.
     *
     * @param name   the case name and side
     * @param schema makes the schema
     */
    public record Entry(String name, Supplier<Schema> schema) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * One case of the corpus: a schema before and after a change.
     *
     * @param name the case name
     * @param a    makes the schema before
     * @param b    makes the schema after
     */
    public record Pair(String name, Supplier<Schema> a, Supplier<Schema> b) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Every case.
     *
     * @return the pairs
     */
    public static Stream<Pair> pairs() {
        return MigrationSqlRoundTripTest.corpus().map(c -> new Pair(c.name(), c.a(), c.b()));
    }

    /**
     * Both schemas of every case, A before B.
     *
     * @return the schemas
     */
    public static Stream<Entry> schemas() {
        return MigrationSqlRoundTripTest.corpus().flatMap(c -> Stream.of(new Entry(c.name() + " (A)", c.a()),
                new Entry(c.name() + " (B)", c.b())));
    }
}
