package dev.sleet.query;

import dev.sleet.render.QueryPart;

import java.util.List;

/**
 * What a select can read from: a {@link dev.sleet.schema.Table}, a {@link Derived} select, or a common table
 * expression.
 */
public interface TableLike extends QueryPart {

    /**
     * Returns the columns this source offers, for {@code select()} of every column.
     *
     * @return the columns, in order
     */
    List<? extends Field<?>> fields();
}
