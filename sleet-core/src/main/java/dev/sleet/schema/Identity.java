package dev.sleet.schema;

/**
 * An identity column's generation: {@code GENERATED ALWAYS} or {@code BY DEFAULT AS IDENTITY}.
 *
 * @param always  {@code true} for {@code ALWAYS} (inserting a value needs {@code OVERRIDING SYSTEM VALUE})
 * @param options the sequence options
 */
public record Identity(boolean always, IdentityOptions options) {
}
