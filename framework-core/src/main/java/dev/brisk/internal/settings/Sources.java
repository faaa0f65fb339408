package dev.brisk.internal.settings;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** System properties, environment and an optional properties file, read once per binding. */
public final class Sources {
    static final String FILE_PROPERTY = "brisk.settings-file";
    static final String FILE_ENV = "BRISK_SETTINGS_FILE";

    private final Map<String, String> environment;
    private final Map<String, String> properties;
    private final Optional<Path> file;

    private Sources(Map<String, String> environment, Map<String, String> properties, Optional<Path> file) {
        this.environment = environment;
        this.properties = properties;
        this.file = file;
    }

    public static Sources standard() {
        var props = new HashMap<String, String>();
        for (String name : System.getProperties().stringPropertyNames()) props.put(name, System.getProperty(name));
        Map<String, String> env = System.getenv();
        String named = props.getOrDefault(FILE_PROPERTY, env.get(FILE_ENV));
        return new Sources(env, props, named == null || named.isBlank() ? Optional.empty() : Optional.of(Path.of(named)));
    }

    public static Sources of(Map<String, String> environment, Map<String, String> properties, Optional<Path> file) {
        return new Sources(environment, properties, file);
    }

    public Sources withFile(Path f) {
        return new Sources(environment, properties, Optional.of(f));
    }

    Map<String, String> environment() {
        return environment;
    }

    Map<String, String> properties() {
        return properties;
    }

    Optional<Path> file() {
        return file;
    }

    /** The file's entries, or the reason it cannot be read. */
    FileEntries readFile() {
        if (file.isEmpty()) return new FileEntries(Map.of(), null);
        Path f = file.get();
        if (!Files.isRegularFile(f)) return new FileEntries(Map.of(), "the settings file " + f + " does not exist or is not a file");
        var p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            return new FileEntries(Map.of(), "the settings file " + f + " cannot be read: " + e.getMessage());
        }
        var out = new HashMap<String, String>();
        for (String name : p.stringPropertyNames()) out.put(name, p.getProperty(name));
        return new FileEntries(out, null);
    }

    record FileEntries(Map<String, String> values, String problem) {
    }

    @Override
    public String toString() {
        return "system properties, environment" + file.map(f -> ", file " + f).orElse("");
    }
}
