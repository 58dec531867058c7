package dev.sleet.kit.introspect;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotNormalizerTypeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "varchar(255)|character varying(255)",
            "varchar|character varying",
            "character(3)|character(3)",
            "char|character(1)",
            "numeric(10, 2)|numeric(10,2)",
            "numeric|numeric",
            "timestamptz|timestamp with time zone",
            "timestamp|timestamp without time zone",
            "timestamp(3)|timestamp(3) without time zone",
            "time|time without time zone",
            "int8|bigint",
            "serial|integer",
            "bigserial|bigint",
            "bool|boolean",
            "float8|double precision",
            "text[]|text[]",
            "varchar(20)[]|character varying(20)[]",
            "\"app\".\"plan\"|\"app\".\"plan\"",
            "jsonb|jsonb",
    })
    void printsTypesAsFormatTypeDoes(String declared, String printed) {
        assertThat(SnapshotNormalizer.typeName(declared)).isEqualTo(printed);
    }
}
