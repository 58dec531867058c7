package dev.sleet.examples.blog;

import java.util.Map;

/**
 * The {@code jsonb} metadata of a user, converted by Jackson.
 *
 * @param preferences free-form preferences
 */
public record Metadata(Map<String, Object> preferences) {
}
