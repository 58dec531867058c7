package dev.sleet.schema.column;

/** PostgreSQL {@code cidr} (an IPv4 or IPv6 network) as {@link String}, in PostgreSQL's text form. */
public final class CidrType extends TextCastType {

    /** The shared instance. */
    public static final CidrType INSTANCE = new CidrType();

    private CidrType() {
        super("cidr");
    }
}
