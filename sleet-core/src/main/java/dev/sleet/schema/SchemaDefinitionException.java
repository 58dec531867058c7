package dev.sleet.schema;

/**
 * A schema class declares something PostgreSQL or Sleet cannot accept: a duplicate column, a second primary
 * key, an index on another table's column, a default of the wrong type. Thrown while the table class
 * initialises, so a wrong schema fails at once, with a message naming the table and column.
 */
public class SchemaDefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and where
     */
    public SchemaDefinitionException(String message) {
        super(message);
    }
}
