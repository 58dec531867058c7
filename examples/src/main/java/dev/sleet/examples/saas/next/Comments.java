package dev.sleet.examples.saas.next;

import dev.sleet.examples.saas.Documents;
import dev.sleet.examples.saas.Tenants;
import dev.sleet.examples.saas.Users;
import dev.sleet.schema.Column;
import dev.sleet.schema.OnDelete;
import dev.sleet.schema.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** New in the next release: comments on documents, in the document's tenant. */
public final class Comments extends Table {

    /** The table. */
    public static final Comments COMMENTS = new Comments();

    /** Primary key. */
    public final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
    /** The owning tenant: the tenant key. */
    public final Column<UUID> tenantId = uuid("tenant_id").tenantKey()
            .references(() -> Tenants.TENANTS.id, OnDelete.CASCADE);
    /** The document commented on; its comments go with it. */
    public final Column<UUID> documentId = uuid("document_id").notNull()
            .references(() -> Documents.DOCUMENTS.id, OnDelete.CASCADE);
    /** Who wrote it; kept, without an author, when the user is deleted. */
    public final Column<UUID> authorId = uuid("author_id").references(() -> Users.USERS.id, OnDelete.SET_NULL);
    /** The text. */
    public final Column<String> body = text("body").notNull();
    /** Creation time. */
    public final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();

    private Comments() {
        super("comments");
        // the standard isolation policy, for the table's owner too: a tenant-scoped Db sets the tenant per
        // transaction, and PostgreSQL shows it no other tenant's rows even if a query forgot the filter
        tenantIsolationPolicy();
        forceRowLevelSecurity();
        index("comments_document_idx").on(documentId, createdAt);
    }
}
