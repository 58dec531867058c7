package dev.sleet.bench.report;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a benchmark class's workload for {@link BenchmarkReport}: {@code @Workload(id = "W1", title = "customer
 * by primary key")}. The report reads it from the class named in JMH's results.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Workload {

    /**
     * The workload's short name, as in the benchmark issue ("W1").
     *
     * @return the id
     */
    String id();

    /**
     * What the workload does, in a few words.
     *
     * @return the title
     */
    String title();
}
