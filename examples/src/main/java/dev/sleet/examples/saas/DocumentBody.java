package dev.sleet.examples.saas;

import java.util.List;

/**
 * The {@code jsonb} body of a document, converted by Jackson.
 *
 * @param summary    a short summary
 * @param paragraphs the text
 */
public record DocumentBody(String summary, List<String> paragraphs) {
}
