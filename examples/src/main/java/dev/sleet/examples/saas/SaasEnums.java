package dev.sleet.examples.saas;

import dev.sleet.schema.PgEnum;

/** The SaaS schema's enum types, apart from {@link SaasSchema} to avoid a class-initialisation cycle. */
public final class SaasEnums {

    /** The {@code member_role} enum. */
    public static final PgEnum<MemberRole> MEMBER_ROLE = PgEnum.of("member_role", MemberRole.class);
    /** The {@code visibility} enum. */
    public static final PgEnum<Visibility> VISIBILITY = PgEnum.of("visibility", Visibility.class);

    private SaasEnums() {
    }
}
