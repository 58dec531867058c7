package dev.sleet.schema.column;

/** PostgreSQL {@code tsvector}, a document prepared for full-text search (sorted lexemes with positions), in its text form as {@link String}. */
public final class TsvectorType extends TextCastType {

    /** The shared instance. */
    public static final TsvectorType INSTANCE = new TsvectorType();

    private TsvectorType() {
        super("tsvector");
    }
}
