package dev.sleet.schema.column;

/** PostgreSQL {@code macaddr} (a MAC address) as {@link String}, in PostgreSQL's text form. */
public final class MacaddrType extends TextCastType {

    /** The shared instance. */
    public static final MacaddrType INSTANCE = new MacaddrType();

    private MacaddrType() {
        super("macaddr");
    }
}
