package dev.sleet.kit.diff;

import java.util.List;
import dev.sleet.kit.snapshot.CheckSnapshot;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.EnumSnapshot;
import dev.sleet.kit.snapshot.ForeignKeySnapshot;
import dev.sleet.kit.snapshot.IdentitySnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.PolicySnapshot;
import dev.sleet.kit.snapshot.PrimaryKeySnapshot;
import dev.sleet.kit.snapshot.RoleSnapshot;
import dev.sleet.kit.snapshot.SequenceSnapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.UniqueSnapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;

/**
 * One step from one schema snapshot to the next, as found by {@link Diff#between}. Every change carries what
 * is needed to render both its forward SQL and the SQL that undoes it (a dropped column keeps its old
 * definition, an altered default keeps both values), so {@code dev.sleet.kit.ddl.MigrationSql} can write
 * {@code up.sql} and {@code down.sql} from the same list.
 *
 * <p>Handle every kind with a {@link Visitor} ({@code change.accept(visitor)}): the compiler then reports a
 * kind that is not handled.
 */
public sealed interface Change {

    /**
     * Calls the visitor method for this kind of change. The compiler checks that a {@link Visitor} handles
     * every kind, which is what a pattern-matching {@code switch} over this sealed interface would check on
     * Java 21; Sleet targets Java 17, where such switches are a preview feature.
     *
     * @param visitor the visitor
     * @param <R>     what the visitor returns
     * @return the visitor's result
     */
    <R> R accept(Visitor<R> visitor);

    // ------------------------------------------------------------------------------------------ schemas

    /**
     * {@code create schema}.
     *
     * @param name the schema
     */
    record CreateSchema(String name) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code drop schema}: the schema is no longer declared.
     *
     * @param name the schema
     */
    record DropSchema(String name) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    // ------------------------------------------------------------------------------------------ enums

    /**
     * {@code create type ... as enum}.
     *
     * @param pgEnum the new enum
     */
    record CreateEnum(EnumSnapshot pgEnum) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code drop type}; undone by creating the enum again.
     *
     * @param pgEnum the enum as it was
     */
    record DropEnum(EnumSnapshot pgEnum) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code alter type ... add value ... [before | after ...]}. It cannot run in a transaction block together
     * with statements that use the new value, so it goes into a migration of its own.
     *
     * @param before the enum before the value is added
     * @param value  the new label
     * @param beforeValue the existing label the new one goes before, or {@code null}
     * @param afterValue  the existing label the new one goes after, or {@code null} (both {@code null}: at the end)
     */
    record AddEnumValue(EnumSnapshot before, String value, String beforeValue, String afterValue)
            implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    // ------------------------------------------------------------------------------------------ tables

    /**
     * {@code create table} with its columns, primary key, unique and check constraints; its foreign keys and
     * indexes are separate changes.
     *
     * @param table the new table
     */
    record CreateTable(TableSnapshot table) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code drop table}; undone by creating the table again (without its rows). Its foreign keys and indexes
     * are dropped by separate changes before it.
     *
     * @param table the table as it was
     */
    record DropTable(TableSnapshot table) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code alter table ... rename to}, from a {@code renamedFrom(...)} hint.
     *
     * @param from the old name
     * @param to   the new name (same schema)
     */
    record RenameTable(TableName from, TableName to) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    // ------------------------------------------------------------------------------------------ columns

    /**
     * {@code alter table ... add column}.
     *
     * @param table  the table
     * @param column the new column
     */
    record AddColumn(TableName table, ColumnSnapshot column) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code alter table ... drop column}; undone by adding the column again (its data is not restored).
     *
     * @param table  the table
     * @param column the column as it was
     */
    record DropColumn(TableName table, ColumnSnapshot column) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code alter table ... rename column}, from a {@code renamedFrom(...)} hint.
     *
     * @param table the table (its new name)
     * @param from  the old column name
     * @param to    the new column name
     */
    record RenameColumn(TableName table, String from, String to) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code alter table ... alter column ... type ... using ...}.
     *
     * @param table    the table
     * @param column   the column
     * @param fromType the type before, as SQL
     * @param toType   the type after, as SQL
     */
    record AlterColumnType(TableName table, String column, String fromType, String toType) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code set not null} or {@code drop not null}.
     *
     * @param table   the table
     * @param column  the column
     * @param notNull {@code true} for {@code set not null}
     */
    record AlterNullability(TableName table, String column, boolean notNull) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code set default} or {@code drop default}.
     *
     * @param table  the table
     * @param column the column
     * @param before the default before, as SQL, or {@code null} for none
     * @param after  the default after, as SQL, or {@code null} for none
     */
    record AlterDefault(TableName table, String column, String before, String after) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code alter column ... add generated ... as identity}.
     *
     * @param table    the table
     * @param column   the column (already {@code not null})
     * @param identity the identity
     */
    record AddIdentity(TableName table, String column, IdentitySnapshot identity) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code alter column ... drop identity}; undone by adding it again (the sequence restarts).
     *
     * @param table    the table
     * @param column   the column
     * @param identity the identity as it was
     */
    record DropIdentity(TableName table, String column, IdentitySnapshot identity) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code alter column ... set generated ... / set <sequence option>} for an identity whose generation or
     * options change.
     *
     * @param table  the table
     * @param column the column
     * @param before the identity before
     * @param after  the identity after
     */
    record AlterIdentity(TableName table, String column, IdentitySnapshot before, IdentitySnapshot after)
            implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    // ------------------------------------------------------------------------------------------ constraints

    /**
     * {@code alter table ... add constraint ... primary key}.
     *
     * @param table the table
     * @param key   the primary key
     */
    record AddPrimaryKey(TableName table, PrimaryKeySnapshot key) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code alter table ... drop constraint} of a primary key.
     *
     * @param table the table
     * @param key   the primary key as it was
     */
    record DropPrimaryKey(TableName table, PrimaryKeySnapshot key) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code alter table ... add constraint ... unique}.
     *
     * @param table  the table
     * @param unique the constraint
     */
    record AddUnique(TableName table, UniqueSnapshot unique) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code alter table ... drop constraint} of a unique constraint.
     *
     * @param table  the table
     * @param unique the constraint as it was
     */
    record DropUnique(TableName table, UniqueSnapshot unique) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code alter table ... add constraint ... foreign key}.
     *
     * @param table the referencing table
     * @param key   the foreign key
     */
    record AddForeignKey(TableName table, ForeignKeySnapshot key) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code alter table ... drop constraint} of a foreign key.
     *
     * @param table the referencing table
     * @param key   the foreign key as it was
     */
    record DropForeignKey(TableName table, ForeignKeySnapshot key) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code alter table ... add constraint ... check}.
     *
     * @param table the table
     * @param check the constraint
     */
    record AddCheck(TableName table, CheckSnapshot check) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code alter table ... drop constraint} of a check constraint.
     *
     * @param table the table
     * @param check the constraint as it was
     */
    record DropCheck(TableName table, CheckSnapshot check) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code alter table ... rename constraint}: a constraint whose definition is unchanged but whose name is
     * (typically because its table or column was renamed).
     *
     * @param table the table (its new name)
     * @param from  the old constraint name
     * @param to    the new constraint name
     */
    record RenameConstraint(TableName table, String from, String to) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    // ------------------------------------------------------------------------------------------ indexes

    /**
     * {@code create index}. With {@code concurrently} it cannot run in a transaction block.
     *
     * @param table        the table
     * @param index        the index
     * @param concurrently build it {@code concurrently} (the table already existed)
     */
    record CreateIndex(TableName table, IndexSnapshot index, boolean concurrently) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code drop index}; undone by creating it again.
     *
     * @param table        the table
     * @param index        the index as it was
     * @param concurrently drop (and re-create) it {@code concurrently}
     */
    record DropIndex(TableName table, IndexSnapshot index, boolean concurrently) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code alter index ... rename to}: an index whose definition is unchanged but whose name is.
     *
     * @param table the table the index belongs to
     * @param from  the old index name
     * @param to    the new index name
     */
    record RenameIndex(TableName table, String from, String to) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    // ------------------------------------------------------------------------------------------ roles

    /**
     * {@code create role}: a role the schema declares, created when the cluster lacks it (roles are
     * shared by every database of a cluster).
     *
     * @param role the role
     */
    record CreateRole(RoleSnapshot role) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code drop role}: the role is no longer declared.
     *
     * @param role the role as it was
     */
    record DropRole(RoleSnapshot role) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code alter role}: the role's attributes changed.
     *
     * @param before the attributes before
     * @param after  the attributes after
     */
    record AlterRole(RoleSnapshot before, RoleSnapshot after) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    // ------------------------------------------------------------------------------------------ sequences

    /**
     * {@code create sequence}.
     *
     * @param sequence the new sequence
     */
    record CreateSequence(SequenceSnapshot sequence) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code drop sequence}: down creates it again, restarting from its start value.
     *
     * @param sequence the sequence as it was
     */
    record DropSequence(SequenceSnapshot sequence) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code alter sequence}: type or options changed.
     *
     * @param before the sequence before
     * @param after  the sequence after
     */
    record AlterSequence(SequenceSnapshot before, SequenceSnapshot after) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    // ------------------------------------------------------------------------------------------ views

    /**
     * {@code create [materialized] view}, with its comment.
     *
     * @param view the new view
     */
    record CreateView(ViewSnapshot view) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code drop [materialized] view}: the view is gone or is replaced by a changed definition.
     *
     * @param view the view as it was
     */
    record DropView(ViewSnapshot view) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    // ------------------------------------------------------------------------------------------ row-level security

    /**
     * {@code alter table ... enable|disable|force|no force row level security} on a kept table.
     *
     * @param table         the table
     * @param enabledBefore row-level security was on
     * @param forcedBefore  it was forced on the owner
     * @param enabled       row-level security is on
     * @param forced        it is forced on the owner
     */
    record AlterRowLevelSecurity(TableName table, boolean enabledBefore, boolean forcedBefore, boolean enabled,
                                 boolean forced) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code create policy}.
     *
     * @param table  the table
     * @param policy the new policy
     */
    record CreatePolicy(TableName table, PolicySnapshot policy) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code drop policy}: the policy is gone or is replaced by a changed one.
     *
     * @param table  the table
     * @param policy the policy as it was
     */
    record DropPolicy(TableName table, PolicySnapshot policy) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    // ------------------------------------------------------------------------------------------ comments

    /**
     * {@code comment on ... is}: the comment of a kept table, column, view or sequence changed.
     *
     * @param target the object
     * @param before the comment before, or {@code null}
     * @param after  the comment after, or {@code null} to remove it
     */
    record SetComment(CommentTarget target, String before, String after) implements Change {

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code grant privileges on table to role}; undone by revoking them.
     *
     * @param table      the table
     * @param role       the role name ({@code public} for everyone)
     * @param privileges the privileges granted, as SQL writes them
     */
    record GrantPrivileges(TableName table, String role, List<String> privileges) implements Change {

        /**
         * Copies the privileges.
         *
         * @param table      the table
         * @param role       the role
         * @param privileges the privileges
         */
        public GrantPrivileges {
            privileges = List.copyOf(privileges);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code revoke privileges on table from role}; undone by granting them again.
     *
     * @param table      the table
     * @param role       the role name
     * @param privileges the privileges revoked, as SQL writes them
     */
    record RevokePrivileges(TableName table, String role, List<String> privileges) implements Change {

        /**
         * Copies the privileges.
         *
         * @param table      the table
         * @param role       the role
         * @param privileges the privileges
         */
        public RevokePrivileges {
            privileges = List.copyOf(privileges);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * One method per kind of change; see {@link Change#accept(Visitor)}.
     *
     * @param <R> the result type
     */
    interface Visitor<R> {

        /**
         * Handles a {@link CreateSchema}.
         *
         * @param change the change
         * @return the result
         */
        R visit(CreateSchema change);

        /**
         * Handles a {@link DropSchema}.
         *
         * @param change the change
         * @return the result
         */
        R visit(DropSchema change);

        /**
         * Handles a {@link CreateEnum}.
         *
         * @param change the change
         * @return the result
         */
        R visit(CreateEnum change);

        /**
         * Handles a {@link DropEnum}.
         *
         * @param change the change
         * @return the result
         */
        R visit(DropEnum change);

        /**
         * Handles a {@link AddEnumValue}.
         *
         * @param change the change
         * @return the result
         */
        R visit(AddEnumValue change);

        /**
         * Handles a {@link CreateTable}.
         *
         * @param change the change
         * @return the result
         */
        R visit(CreateTable change);

        /**
         * Handles a {@link DropTable}.
         *
         * @param change the change
         * @return the result
         */
        R visit(DropTable change);

        /**
         * Handles a {@link RenameTable}.
         *
         * @param change the change
         * @return the result
         */
        R visit(RenameTable change);

        /**
         * Handles a {@link AddColumn}.
         *
         * @param change the change
         * @return the result
         */
        R visit(AddColumn change);

        /**
         * Handles a {@link DropColumn}.
         *
         * @param change the change
         * @return the result
         */
        R visit(DropColumn change);

        /**
         * Handles a {@link RenameColumn}.
         *
         * @param change the change
         * @return the result
         */
        R visit(RenameColumn change);

        /**
         * Handles a {@link AlterColumnType}.
         *
         * @param change the change
         * @return the result
         */
        R visit(AlterColumnType change);

        /**
         * Handles a {@link AlterNullability}.
         *
         * @param change the change
         * @return the result
         */
        R visit(AlterNullability change);

        /**
         * Handles a {@link AlterDefault}.
         *
         * @param change the change
         * @return the result
         */
        R visit(AlterDefault change);

        /**
         * Handles a {@link AddIdentity}.
         *
         * @param change the change
         * @return the result
         */
        R visit(AddIdentity change);

        /**
         * Handles a {@link DropIdentity}.
         *
         * @param change the change
         * @return the result
         */
        R visit(DropIdentity change);

        /**
         * Handles a {@link AlterIdentity}.
         *
         * @param change the change
         * @return the result
         */
        R visit(AlterIdentity change);

        /**
         * Handles a {@link AddPrimaryKey}.
         *
         * @param change the change
         * @return the result
         */
        R visit(AddPrimaryKey change);

        /**
         * Handles a {@link DropPrimaryKey}.
         *
         * @param change the change
         * @return the result
         */
        R visit(DropPrimaryKey change);

        /**
         * Handles a {@link AddUnique}.
         *
         * @param change the change
         * @return the result
         */
        R visit(AddUnique change);

        /**
         * Handles a {@link DropUnique}.
         *
         * @param change the change
         * @return the result
         */
        R visit(DropUnique change);

        /**
         * Handles a {@link AddForeignKey}.
         *
         * @param change the change
         * @return the result
         */
        R visit(AddForeignKey change);

        /**
         * Handles a {@link DropForeignKey}.
         *
         * @param change the change
         * @return the result
         */
        R visit(DropForeignKey change);

        /**
         * Handles a {@link AddCheck}.
         *
         * @param change the change
         * @return the result
         */
        R visit(AddCheck change);

        /**
         * Handles a {@link DropCheck}.
         *
         * @param change the change
         * @return the result
         */
        R visit(DropCheck change);

        /**
         * Handles a {@link RenameConstraint}.
         *
         * @param change the change
         * @return the result
         */
        R visit(RenameConstraint change);

        /**
         * Handles a {@link CreateIndex}.
         *
         * @param change the change
         * @return the result
         */
        R visit(CreateIndex change);

        /**
         * Handles a {@link DropIndex}.
         *
         * @param change the change
         * @return the result
         */
        R visit(DropIndex change);

        /**
         * Handles a {@link RenameIndex}.
         *
         * @param change the change
         * @return the result
         */
        R visit(RenameIndex change);

        /**
         * Handles a {@link CreateRole}.
         *
         * @param change the change
         * @return the result
         */
        R visit(CreateRole change);

        /**
         * Handles a {@link DropRole}.
         *
         * @param change the change
         * @return the result
         */
        R visit(DropRole change);

        /**
         * Handles a {@link AlterRole}.
         *
         * @param change the change
         * @return the result
         */
        R visit(AlterRole change);

        /**
         * Handles a {@link CreateSequence}.
         *
         * @param change the change
         * @return the result
         */
        R visit(CreateSequence change);

        /**
         * Handles a {@link DropSequence}.
         *
         * @param change the change
         * @return the result
         */
        R visit(DropSequence change);

        /**
         * Handles a {@link AlterSequence}.
         *
         * @param change the change
         * @return the result
         */
        R visit(AlterSequence change);

        /**
         * Handles a {@link CreateView}.
         *
         * @param change the change
         * @return the result
         */
        R visit(CreateView change);

        /**
         * Handles a {@link DropView}.
         *
         * @param change the change
         * @return the result
         */
        R visit(DropView change);

        /**
         * Handles a {@link AlterRowLevelSecurity}.
         *
         * @param change the change
         * @return the result
         */
        R visit(AlterRowLevelSecurity change);

        /**
         * Handles a {@link CreatePolicy}.
         *
         * @param change the change
         * @return the result
         */
        R visit(CreatePolicy change);

        /**
         * Handles a {@link DropPolicy}.
         *
         * @param change the change
         * @return the result
         */
        R visit(DropPolicy change);

        /**
         * Handles a {@link SetComment}.
         *
         * @param change the change
         * @return the result
         */
        R visit(SetComment change);

        /**
         * Handles a {@link GrantPrivileges}.
         *
         * @param change the change
         * @return the result
         */
        R visit(GrantPrivileges change);

        /**
         * Handles a {@link RevokePrivileges}.
         *
         * @param change the change
         * @return the result
         */
        R visit(RevokePrivileges change);
    }
}
