package dev.sleet.schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives an enum constant a PostgreSQL label other than its name, for labels that are no Java names
 * ({@code in-progress}, {@code 1st}, {@code class}) or a naming style of their own. Constants without it keep
 * their names as labels.
 *
 * <pre>{@code
 * public enum TaskState {
 *     @PgLabel("in-progress") IN_PROGRESS,
 *     @PgLabel("done") DONE
 * }
 * public static final PgEnum<TaskState> TASK_STATE = PgEnum.of("task_state", TaskState.class);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface PgLabel {

    /**
     * Returns the label as PostgreSQL holds it.
     *
     * @return the label: not empty, at most 63 bytes
     */
    String value();
}
