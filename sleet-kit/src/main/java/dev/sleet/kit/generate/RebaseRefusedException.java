package dev.sleet.kit.generate;

/**
 * {@link Generator#rebase} cannot re-generate a branch safely, e.g. a custom migration lies between its
 * generated ones, or changes the schema. The message names the migration and says how to rebase by hand;
 * the folder is left as it was.
 */
public class RebaseRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what stops the rebase and what to do
     */
    public RebaseRefusedException(String message) {
        super(message);
    }
}
