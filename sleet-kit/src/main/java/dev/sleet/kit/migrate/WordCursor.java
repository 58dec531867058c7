package dev.sleet.kit.migrate;

import java.util.List;
import java.util.Optional;

/** Reads the {@link SqlWord}s of a statement from left to right, for recognising a statement's form. */
final class WordCursor {

    private final List<SqlWord> words;
    private int at;

    WordCursor(List<SqlWord> words) {
        this.words = List.copyOf(words);
    }

    /** Moves past the next word when it is {@code keyword}. */
    boolean take(String keyword) {
        if (peek(keyword)) {
            at++;
            return true;
        }
        return false;
    }

    boolean peek(String keyword) {
        return at < words.size() && words.get(at).is(keyword);
    }

    boolean peekName() {
        return at < words.size() && words.get(at).isName();
    }

    SqlWord next() {
        return words.get(at++);
    }

    boolean atEnd() {
        return at == words.size();
    }

    /** Reads {@code name} or {@code schema.name}; empty (and the cursor anywhere) for any other form. */
    Optional<ConcurrentIndexStatement.Name> name() {
        if (!peekName()) {
            return Optional.empty();
        }
        String first = next().text();
        if (!takeDot()) {
            return Optional.of(new ConcurrentIndexStatement.Name(null, first));
        }
        if (!peekName()) {
            return Optional.empty();
        }
        String second = next().text();
        // database.schema.name is legal but rare: left to a plain re-run
        return takeDot() ? Optional.empty() : Optional.of(new ConcurrentIndexStatement.Name(first, second));
    }

    private boolean takeDot() {
        if (at < words.size() && words.get(at).kind() == SqlWord.Kind.SYMBOL && words.get(at).text().equals(".")) {
            at++;
            return true;
        }
        return false;
    }
}
