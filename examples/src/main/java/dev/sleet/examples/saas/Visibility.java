package dev.sleet.examples.saas;

/** Who may see a document. */
public enum Visibility {
    /** Its owner only. */
    personal,
    /** The owner's team. */
    team,
    /** Everyone in the tenant. */
    company
}
