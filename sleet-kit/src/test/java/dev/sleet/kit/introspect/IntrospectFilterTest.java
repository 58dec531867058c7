package dev.sleet.kit.introspect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntrospectFilterTest {

    @Test
    void readsEveryUserSchemaButSleetsHistoryByDefault() {
        IntrospectFilter f = IntrospectFilter.all();
        assertThat(f.includesSchema("public")).isTrue();
        assertThat(f.includesSchema("app")).isTrue();
        assertThat(f.includesSchema("sleet")).isFalse();
        assertThat(f.includesSchema("pg_catalog")).isFalse();
        assertThat(f.includesSchema("information_schema")).isFalse();
    }

    @Test
    void schemaFilterNamesTheSchemasRead() {
        IntrospectFilter f = IntrospectFilter.all().schemas("app", "sleet");
        assertThat(f.includesSchema("public")).isFalse();
        assertThat(f.includesSchema("app")).isTrue();
        assertThat(f.includesSchema("sleet")).isTrue();
    }

    @Test
    void tableGlobsIncludeAndBangGlobsExclude() {
        IntrospectFilter f = IntrospectFilter.all().tables("user*", "!user_audit_*");
        assertThat(f.includesTable("public", "users")).isTrue();
        assertThat(f.includesTable("public", "user_audit_2024")).isFalse();
        assertThat(f.includesTable("public", "posts")).isFalse();
    }

    @Test
    void exclusionsAloneKeepEveryOtherTable() {
        IntrospectFilter f = IntrospectFilter.all().tables("!audit_*", "!tmp?");
        assertThat(f.includesTable("public", "users")).isTrue();
        assertThat(f.includesTable("public", "audit_log")).isFalse();
        assertThat(f.includesTable("public", "tmp1")).isFalse();
        assertThat(f.includesTable("public", "tmp12")).isTrue();
    }

    @Test
    void aGlobWithADotMatchesTheQualifiedName() {
        IntrospectFilter f = IntrospectFilter.all().tables("app.*", "public.users");
        assertThat(f.includesTable("app", "anything")).isTrue();
        assertThat(f.includesTable("public", "users")).isTrue();
        assertThat(f.includesTable("public", "posts")).isFalse();
    }

    @Test
    void noRolesAreReadUnlessNamedAndPlatformRolesNever() {
        assertThat(IntrospectFilter.all().includesRole("app_user")).isFalse();
        IntrospectFilter f = IntrospectFilter.all().roles("app_*", "!app_admin");
        assertThat(f.includesRole("app_user")).isTrue();
        assertThat(f.includesRole("app_admin")).isFalse();
        assertThat(IntrospectFilter.all().roles("*").includesRole("pg_read_all_data")).isFalse();
    }

    @Test
    void anEmptyPatternIsRejectedWithAHint() {
        assertThatThrownBy(() -> IntrospectFilter.all().tables("!"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("!audit_*");
    }
}
