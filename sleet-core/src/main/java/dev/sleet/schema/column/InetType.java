package dev.sleet.schema.column;

/** PostgreSQL {@code inet} (an IPv4 or IPv6 host address, with optional netmask) as {@link String}, in PostgreSQL's text form. */
public final class InetType extends TextCastType {

    /** The shared instance. */
    public static final InetType INSTANCE = new InetType();

    private InetType() {
        super("inet");
    }
}
