package dev.sleet.kit.generate;

import dev.sleet.kit.diff.PossibleRename;

import java.util.List;

/**
 * A dropped and an added table or column look like a rename, and the schema does not say whether they are.
 * Generation never guesses, since a wrong guess drops data: the message names the {@code renamedFrom(...)}
 * hint to add, or says to generate again after confirming it is a drop and an add.
 */
public class RenameHintMissingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<PossibleRename> candidates;

    /**
     * Creates the exception.
     *
     * @param candidates the drop-and-add pairs that may be renames
     */
    public RenameHintMissingException(List<PossibleRename> candidates) {
        super(message(candidates));
        this.candidates = List.copyOf(candidates);
    }

    private static String message(List<PossibleRename> candidates) {
        StringBuilder sb = new StringBuilder("the schema drops and adds what may be a rename; say which in the "
                + "schema and generate again:");
        for (PossibleRename c : candidates) {
            sb.append(' ').append(c.hint()).append(';');
        }
        sb.append(" or, if they are a real drop and add, pass --allow-drops");
        return sb.toString();
    }

    /**
     * Returns the pairs that may be renames.
     *
     * @return the candidates
     */
    public List<PossibleRename> candidates() {
        return candidates;
    }
}
