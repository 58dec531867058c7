package dev.sleet.schema;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.ddl.SchemaDdl;
import dev.sleet.render.QueryPart;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sequences, views, roles, policies and comments: wrong declarations fail early, right ones work. */
@PostgresTest
class SchemaObjectsTest {

    static final class InsertPolicyWithUsing extends Table {
        final Column<Long> id = bigint("id").primaryKey();

        InsertPolicyWithUsing() {
            super("bad");
            policy("p").forCommand(PolicyCommand.INSERT).using("true");
        }
    }

    static final class SelectPolicyWithCheck extends Table {
        final Column<Long> id = bigint("id").primaryKey();

        SelectPolicyWithCheck() {
            super("bad");
            policy("p").withCheck("true").forCommand(PolicyCommand.SELECT);
        }
    }

    static final class TwoPolicies extends Table {
        final Column<Long> id = bigint("id").primaryKey();

        TwoPolicies() {
            super("bad");
            policy("p").using("true");
            policy("p").using("false");
        }
    }

    @Test
    void policiesThatPostgresWouldRefuseFailWhileTheTableInitialises() {
        assertThatThrownBy(InsertPolicyWithUsing::new).isInstanceOf(SchemaDefinitionException.class)
                .hasMessage("table \"bad\", policy \"p\": an INSERT policy has no USING expression (PostgreSQL only "
                        + "checks new rows); use withCheck");
        // whichever order the clauses come in
        assertThatThrownBy(SelectPolicyWithCheck::new).isInstanceOf(SchemaDefinitionException.class)
                .hasMessageContaining("a SELECT policy has no WITH CHECK expression");
        assertThatThrownBy(TwoPolicies::new).hasMessageContaining("policy \"p\" is declared twice");
    }

    static final class Secured extends Table {
        final Column<Long> id = bigint("id").primaryKey().comment("the key");

        Secured() {
            super("secured");
            comment("rows for the app role only");
            policy("app_rows").to(SecuredSchema.APP).using("id > 0");
        }
    }

    /** A schema class: roles, sequences and views are found in its public static fields like tables. */
    public static final class SecuredSchema {
        public static final PgRole APP = PgRole.of("sleet_schema_objects_app");
        public static final PgSequence TICKETS = PgSequence.of("tickets").options(IdentityOptions.startWith(100));
        public static final Secured SECURED = new Secured();
        public static final PgView VISIBLE = PgView.of("visible").as("select id from secured").securityInvoker();
    }

    /** Names a role in a policy but does not declare it. */
    public static final class UndeclaredRoleSchema {
        public static final Secured SECURED = new Secured();
    }

    @Test
    void schemaOfFindsEveryKindAndChecksWhatPoliciesName() {
        Schema schema = Schema.of(SecuredSchema.class);

        assertThat(schema.roles()).containsExactly(SecuredSchema.APP);
        assertThat(schema.sequences()).containsExactly(SecuredSchema.TICKETS);
        assertThat(schema.views()).containsExactly(SecuredSchema.VISIBLE);
        Table secured = schema.tables().get(0);
        assertThat(secured.isRowLevelSecurityEnabled()).as("a policy turns RLS on").isTrue();
        assertThat(secured.isRowLevelSecurityForced()).isFalse();
        assertThat(secured.comment()).isEqualTo("rows for the app role only");
        assertThat(secured.column("id").comment()).isEqualTo("the key");
        assertThat(secured.policies()).containsExactly(new Policy("app_rows", PolicyAs.PERMISSIVE, PolicyCommand.ALL,
                List.of("sleet_schema_objects_app"), "id > 0", null));

        assertThatThrownBy(() -> Schema.of(UndeclaredRoleSchema.class)).isInstanceOf(SchemaDefinitionException.class)
                .hasMessageContaining("role \"sleet_schema_objects_app\" is not declared");
    }

    static final class Granted extends Table {
        final Column<Long> id = bigint("id").primaryKey();

        Granted() {
            super("granted");
            grant(SecuredSchema.APP, Privilege.UPDATE, Privilege.SELECT);
            grant(SecuredSchema.APP, Privilege.SELECT, Privilege.INSERT);
            grant("public", Privilege.SELECT);
        }
    }

    /** Grants to a role it does not declare. */
    public static final class UndeclaredGrantSchema {
        public static final Granted GRANTED = new Granted();
    }

    @Test
    void grantsAddUpPerRoleAndNameOnlyDeclaredRoles() {
        Granted granted = new Granted();

        assertThat(granted.grants()).containsExactly(
                new Grant("public", List.of(Privilege.SELECT)),
                new Grant("sleet_schema_objects_app", List.of(Privilege.SELECT, Privilege.INSERT, Privilege.UPDATE)));
        assertThat(SchemaDdl.create(new Schema(List.of(), List.of(granted))).stream()
                .map(q -> dev.sleet.render.RenderContext.render(q, dev.sleet.render.ParamStyle.INLINE).sql()))
                .contains("grant select, insert, update on \"granted\" to \"sleet_schema_objects_app\"",
                        "grant select on \"granted\" to public");
        assertThatThrownBy(() -> Schema.of(UndeclaredGrantSchema.class)).isInstanceOf(SchemaDefinitionException.class)
                .hasMessageContaining("grant to \"sleet_schema_objects_app\": the role is not declared");
        assertThatThrownBy(() -> new Table("bad") {
            {
                grant("public");
            }
        }).hasMessageContaining("needs at least one privilege");
    }

    @Test
    void namesAndOptionsPostgresWouldRefuseFailAtDeclaration() {
        assertThatThrownBy(() -> PgRole.of("public")).hasMessageContaining("reserved by PostgreSQL");
        assertThatThrownBy(() -> PgRole.of("pg_monitor")).hasMessageContaining("PgRole.existing(\"pg_monitor\")");
        assertThatThrownBy(() -> PgRole.existing("authenticated").login())
                .hasMessageContaining("belong to whoever created it");
        assertThatThrownBy(() -> PgSequence.of("s").as("numeric")).hasMessageContaining("not one of smallint");
        assertThatThrownBy(() -> PgView.of("v").as("select 1;")).hasMessageContaining("must not end in ';'");
        assertThatThrownBy(() -> PgView.materialized("m").securityInvoker()).hasMessageContaining("plain views");
        assertThatThrownBy(() -> PgView.of("v").withNoData()).hasMessageContaining("materialized views only");
        assertThatThrownBy(() -> new Schema(List.of(), List.of(), List.of(), List.of(PgView.of("v")), List.of()))
                .hasMessageContaining("view v has no query");
        assertThatThrownBy(() -> new Schema(List.of(), List.of(new Secured()), List.of(PgSequence.of("secured")),
                List.of(), List.of())).hasMessage("sequence secured has the same name as table secured");
    }

    @Test
    void theSchemaIsCreatedWithItsSequenceViewPolicyAndCommentsAndNextValDrawsFromTheSequence(TestDatabase database) {
        Schema schema = Schema.of(SecuredSchema.class);
        try (Db db = Sleet.connect(database.url())) {
            db.transaction(tx -> {
                for (QueryPart statement : SchemaDdl.create(schema)) {
                    tx.execute(statement);
                }
            });
            assertThat(db.select(SecuredSchema.TICKETS.nextVal()).fetchOne().get(0, Long.class)).isEqualTo(100L);
            assertThat(db.select(SecuredSchema.TICKETS.nextVal()).fetchOne().get(0, Long.class)).isEqualTo(101L);
            assertThat(db.fetch(ctx -> ctx.sql("select relrowsecurity from pg_class where relname = 'secured'"))
                    .get(0).get(0, Boolean.class)).isTrue();
            assertThat(db.fetch(ctx -> ctx.sql("select count(*) from pg_policies where tablename = 'secured'"))
                    .get(0).get(0, Long.class)).isEqualTo(1L);
            assertThat(db.fetch(ctx -> ctx.sql("select obj_description('secured'::regclass, 'pg_class')"))
                    .get(0).get(0, String.class)).isEqualTo("rows for the app role only");
            assertThat(db.fetch(ctx -> ctx.sql("select count(*) from visible")).get(0).get(0, Long.class)).isZero();
        }
    }
}
