package dev.sleet.schema.column;

/** PostgreSQL {@code tsquery}, a full-text search query (lexemes joined by &amp;, |, ! and <->), in its text form as {@link String}. */
public final class TsqueryType extends TextCastType {

    /** The shared instance. */
    public static final TsqueryType INSTANCE = new TsqueryType();

    private TsqueryType() {
        super("tsquery");
    }
}
