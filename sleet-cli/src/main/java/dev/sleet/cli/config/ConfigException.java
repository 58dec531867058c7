package dev.sleet.cli.config;

/**
 * The configuration cannot be used: a file that cannot be read, a key that is missing or malformed, an
 * environment variable that is not set. The message is one line naming the file and the key; the command
 * exits with status 2.
 */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming file and key
     */
    public ConfigException(String message) {
        super(message);
    }
}
