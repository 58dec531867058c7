/**
 * The next release of the SaaS schema of {@link dev.sleet.examples.saas}, as a team would write it after the
 * first one shipped: projects can be archived (a new column, and a partial index on the active ones), and
 * documents take comments (a new table). The tables that did not change are the first release's classes,
 * listed again in {@link dev.sleet.examples.saas.next.SaasSchema}.
 *
 * <p>In a real project the release would be an edit of the same classes; both live side by side here so that
 * {@code sleet demo} can generate the migration from one to the other.
 */
package dev.sleet.examples.saas.next;
