package dev.sleet.exec;

/**
 * A result row could not be mapped into the requested record: a component without a matching column, a type
 * that does not fit, a null for a primitive. The message names the record component and the column.
 */
public class MappingException extends SleetException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what does not fit
     */
    public MappingException(String message) {
        super(message, null);
    }
}
