package dev.sleet.schema;

import dev.sleet.render.QueryPart;

/**
 * One element of an index: a column ({@code USERS.email}), a column with ordering or an operator class
 * ({@code desc(createdAt)}, {@code asc(name).opclass("text_pattern_ops")}), or an SQL expression
 * ({@code expression("lower(email)")}).
 */
public sealed interface IndexElement extends QueryPart permits Column, IndexColumn, IndexExpression {
}
