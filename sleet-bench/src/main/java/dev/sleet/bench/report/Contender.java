package dev.sleet.bench.report;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a benchmark method for {@link BenchmarkReport}: who runs the query, and how.
 *
 * <pre>{@code
 * @Benchmark
 * @Contender(value = "raw JDBC", how = "prepared statement, column-index getters", reference = true)
 * public CustomerRow rawJdbc() { ... }
 * }</pre>
 *
 * A workload class may measure several queries; {@link #query()} groups its methods into one table per query,
 * each with its own reference.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Contender {

    /**
     * The contender's name: "raw JDBC", "Sleet", "jOOQ", "Hibernate", "JDBI".
     *
     * @return the name
     */
    String value();

    /**
     * How it runs the query, in a few words (the API used).
     *
     * @return the description
     */
    String how() default "";

    /**
     * The query, when the class measures more than one; methods with the same query share a table.
     *
     * @return the query's title, or empty for the workload's only query
     */
    String query() default "";

    /**
     * Whether the others are compared with this one (raw JDBC).
     *
     * @return whether this is the reference
     */
    boolean reference() default false;
}
