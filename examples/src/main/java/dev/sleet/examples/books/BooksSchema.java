package dev.sleet.examples.books;

/** The authors/books schema of the seeds' Neon branching guide. */
public final class BooksSchema {

    /** The authors. */
    public static final Authors AUTHORS = Authors.AUTHORS;
    /** The books. */
    public static final Books BOOKS = Books.BOOKS;

    private BooksSchema() {
    }
}
