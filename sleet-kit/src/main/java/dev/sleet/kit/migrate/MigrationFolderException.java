package dev.sleet.kit.migrate;

import java.nio.file.Path;

/**
 * A migrations folder is not in the shape Sleet expects: a directory name without an id, a missing, unreadable or
 * empty {@code up.sql}, a {@code snapshot.json} that does not parse, or parent links that do not form one chain.
 * The message names the file and says what to do.
 */
public class MigrationFolderException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /**
     * Creates the exception.
     *
     * @param file    the file or directory at fault
     * @param message what is wrong and how to fix it, without the file name (it is prepended)
     * @param cause   the I/O or parse error, or {@code null}
     */
    public MigrationFolderException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    /**
     * The file or directory at fault.
     *
     * @return its path
     */
    public Path file() {
        return file;
    }
}
