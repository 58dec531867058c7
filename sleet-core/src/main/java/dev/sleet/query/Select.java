package dev.sleet.query;


/**
 * A complete select statement; it can be fetched, rendered, or used as a subquery ({@code exists(...)}).
 */
public interface Select extends ResultQuery {
}
