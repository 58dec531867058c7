package dev.sleet.cli.config;

import dev.sleet.schema.Schema;
import dev.sleet.schema.SchemaDefinitionException;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the schema classes a configuration names, from its {@code classpath} (compiled classes folders or
 * jars) with the CLI's own classes as parent, and reads them into a {@link Schema}.
 */
public final class SchemaLoader {

    private SchemaLoader() {
    }

    /**
     * Loads the configured schema.
     *
     * @param config the configuration
     * @return the schema
     * @throws ConfigException naming the file, key and class when a class is missing, cannot initialise, or
     *                         declares a wrong table
     */
    public static Schema load(SleetConfig config) {
        List<URL> urls = new ArrayList<>();
        for (Path entry : config.classpath()) {
            if (!Files.exists(entry)) {
                throw new ConfigException(config.file() + ": key 'classpath': " + entry + " does not exist; compile "
                        + "the schema first (e.g. ./mvnw compile)");
            }
            try {
                urls.add(entry.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new ConfigException(config.file() + ": key 'classpath': " + entry + " is not a usable path");
            }
        }
        ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), SchemaLoader.class.getClassLoader());
        List<Class<?>> classes = new ArrayList<>();
        for (String name : config.schema()) {
            try {
                classes.add(Class.forName(name, true, loader));
            } catch (ClassNotFoundException e) {
                throw new ConfigException(config.file() + ": key 'schema': class " + name + " was not found on the "
                        + "classpath " + config.classpath() + "; is it compiled, and is the name right?");
            } catch (ExceptionInInitializerError e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new ConfigException(config.file() + ": key 'schema': class " + name + " failed to initialise ("
                        + describe(cause) + "); fix its static fields and initialisers");
            } catch (UnsupportedClassVersionError e) {
                throw new ConfigException(config.file() + ": key 'schema': class " + name + " was compiled for a newer"
                        + " Java than the " + System.getProperty("java.version") + " running sleet; run sleet on that"
                        + " Java, or compile the schema with --release " + Runtime.version().feature());
            } catch (NoClassDefFoundError e) {
                throw new ConfigException(config.file() + ": key 'schema': class " + name + " cannot be loaded: it"
                        + " needs " + firstLine(e.getMessage()) + ", which is not on the classpath "
                        + config.classpath() + "; rebuild the schema's project or add the missing jar to 'classpath'");
            } catch (LinkageError e) {
                throw new ConfigException(config.file() + ": key 'schema': class " + name + " cannot be loaded ("
                        + describe(e) + "); rebuild the schema's project against this Sleet");
            }
        }
        try {
            return Schema.of(classes.toArray(Class<?>[]::new));
        } catch (SchemaDefinitionException e) {
            throw new ConfigException(config.file() + ": key 'schema': " + firstLine(e.getMessage()));
        }
    }

    /** The type and first line of a throwable's message: the message of a ConfigException is one line. */
    private static String describe(Throwable t) {
        String message = firstLine(t.getMessage());
        return t.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").strip();
    }
}
