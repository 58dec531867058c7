package dev.sleet.internal.exec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionUrlTest {

    @Test
    void postgresUrlBecomesAJdbcUrlWithoutCredentialsOrSleetOptions() {
        ConnectionUrl url = ConnectionUrl.parse("postgres://user:p%40ss@host:5432/db?sslmode=require&pgbouncer=true");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5432/db?sslmode=require");
        assertThat(url.user()).isEqualTo("user");
        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(url.pgbouncer()).isTrue();
    }

    @Test
    void displayMasksThePasswordAndToStringIsTheDisplay() {
        ConnectionUrl url = ConnectionUrl.parse("postgres://user:p%40ss@host:5432/db?sslmode=require&pgbouncer=true");

        assertThat(url.display()).isEqualTo("postgres://user:****@host:5432/db?sslmode=require&pgbouncer=true");
        assertThat(url.toString()).isEqualTo(url.display()).doesNotContain("p%40ss").doesNotContain("p@ss");
    }

    @Test
    void pgbouncerIsOffUnlessTheUrlSaysTrue() {
        assertThat(ConnectionUrl.parse("postgres://u:p@h/db").pgbouncer()).isFalse();
        assertThat(ConnectionUrl.parse("postgres://u:p@h/db?pgbouncer=false").pgbouncer()).isFalse();
        assertThat(ConnectionUrl.parse("postgres://u:p@h/db?pgbouncer=false").jdbcUrl())
                .isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void postgresqlSchemeAndUrlsWithoutCredentialsAreAccepted() {
        ConnectionUrl url = ConnectionUrl.parse("postgresql://db.example.com/app");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com/app");
        assertThat(url.user()).isNull();
        assertThat(url.password()).isNull();
        assertThat(url.display()).isEqualTo("postgresql://db.example.com/app");
    }

    @Test
    void userWithoutPasswordIsParsed() {
        ConnectionUrl url = ConnectionUrl.parse("postgres://app@127.0.0.1:6543/main");

        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isNull();
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:6543/main");
    }

    @Test
    void passwordsKeepPlusSignsAndUnencodedAtSigns() {
        assertThat(ConnectionUrl.parse("postgres://u:a+b@h/db").password()).isEqualTo("a+b");
        assertThat(ConnectionUrl.parse("postgres://u:a@b@h/db").password()).isEqualTo("a@b");
        assertThat(ConnectionUrl.parse("postgres://u:a@b@h/db").jdbcUrl()).isEqualTo("jdbc:postgresql://h/db");
        assertThat(ConnectionUrl.parse("postgres://u:a%3Ab%2Fc@h/db").password()).isEqualTo("a:b/c");
    }

    @Test
    void severalHostsAreKeptForTheDriver() {
        ConnectionUrl url = ConnectionUrl.parse("postgres://u:p@h1:5432,h2:5433/db?targetServerType=primary");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h1:5432,h2:5433/db?targetServerType=primary");
    }

    @Test
    void jdbcUrlLosesCredentialsAndPgbouncerButKeepsDriverOptions() {
        ConnectionUrl url = ConnectionUrl.parse(
                "jdbc:postgresql://h:5432/db?user=app&password=s%40cret&sslmode=disable&pgbouncer=true");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/db?sslmode=disable");
        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("s@cret");
        assertThat(url.pgbouncer()).isTrue();
        assertThat(url.display()).isEqualTo("jdbc:postgresql://h:5432/db?user=app&password=****&sslmode=disable"
                + "&pgbouncer=true");
    }

    @Test
    void jdbcUrlWithoutParametersIsUnchanged() {
        ConnectionUrl url = ConnectionUrl.parse("jdbc:postgresql://localhost/app");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/app");
        assertThat(url.pgbouncer()).isFalse();
        assertThat(url.user()).isNull();
    }

    @Test
    void unsupportedUrlIsRefusedWithoutShowingThePassword() {
        assertThatThrownBy(() -> ConnectionUrl.parse("mysql://root:hunter2@h/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postgres://")
                .hasMessageContaining("root:****@h")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> ConnectionUrl.parse("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> ConnectionUrl.parse("postgres://u:hunter2@/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no host")
                .hasMessageNotContaining("hunter2");
    }
}
