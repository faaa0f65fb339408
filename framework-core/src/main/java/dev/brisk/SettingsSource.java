package dev.brisk;

import dev.brisk.internal.settings.SettingsBinder;
import dev.brisk.internal.settings.Sources;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where settings come from. A value is looked up, first found wins, in:
 *
 * <ol>
 *   <li>system properties, by the property name ({@code -Dshop.db-password=...});</li>
 *   <li>environment variables, by the environment name ({@code SHOP_DB_PASSWORD}: the property name
 *       upper-cased, every character other than a letter or digit made {@code _});</li>
 *   <li>a properties file, if one is named, by the property name;</li>
 *   <li>the component's {@link Setting#defaultValue()}; else an {@code Optional} is empty and a
 *       {@code List}/{@code Set} empty; else the setting is missing.</li>
 * </ol>
 *
 * <p>Text is converted as parameters are (numbers, booleans {@code true/false/1/0/yes/no/on/off},
 * enums by name, {@code UUID}, {@code java.time} values), plus {@code Duration} as {@code 30s},
 * {@code 500ms}, {@code 5m}, {@code 2h}, {@code 1d} or ISO 8601 ({@code PT30S}), {@code URI},
 * {@code Path}, {@link Secret}, and comma-separated {@code List}s and {@code Set}s of those. The
 * record's Bean Validation constraints are checked. Binding reports every missing or bad value at
 * once, in one {@link StartupException}, without showing a {@link Secret}'s text.
 */
public final class SettingsSource {
    private final Sources sources;

    private SettingsSource(Sources sources) {
        this.sources = sources;
    }

    /**
     * The process's system properties and environment, and the properties file named by the system
     * property {@code brisk.settings-file} or the environment variable {@code BRISK_SETTINGS_FILE} (none if neither is set).
     */
    public static SettingsSource standard() {
        return new SettingsSource(Sources.standard());
    }

    /** Fixed values instead of the process's: for tests, or settings read from elsewhere. */
    public static SettingsSource of(Map<String, String> environment, Map<String, String> properties) {
        return new SettingsSource(Sources.of(Map.copyOf(environment), Map.copyOf(properties), Optional.empty()));
    }

    /** This source with a properties file (UTF-8) below the environment; a file that cannot be read fails the binding. */
    public SettingsSource withFile(Path file) {
        return new SettingsSource(sources.withFile(Objects.requireNonNull(file, "file")));
    }

    /**
     * A settings record of {@code type} bound from this source.
     *
     * @throws StartupException naming every missing or bad value, or a type that cannot be bound
     */
    public <T> T bind(Class<T> type) {
        var result = SettingsBinder.bind(type, sources);
        if (!result.problems().isEmpty()) throw new StartupException(SettingsBinder.describe(List.of(result)));
        return result.value();
    }

    /** For {@code App.Builder}: the sources behind this. */
    Sources sources() {
        return sources;
    }

    @Override
    public String toString() {
        return "SettingsSource[" + sources + "]";
    }
}
