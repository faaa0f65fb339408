package dev.brisk.internal.settings;

import dev.brisk.Settings;
import dev.brisk.internal.binding.ConversionException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brisk's own settings are read from a hand-declared list of components (no reflection at start-up): that
 * list must be the record's components, in order, each read as the record's type, under the record's prefix.
 */
class FrameworkSettingsShapeTest {
    private static final Map<Class<?>, String> SAMPLE = Map.of(
            String.class, "x", Integer.class, "7", Long.class, "7", Duration.class, "3s", Boolean.class, "true",
            java.nio.file.Path.class, "/tmp/brisk.properties", FrameworkSettings.WorkerKind.class, "platform");

    @Test
    void theDeclaredComponentsAreTheRecordsInOrder() {
        var declared = FrameworkSettings.COMPONENTS.stream().map(SettingsBinder.Declared::name).toList();
        var record = Arrays.stream(FrameworkSettings.class.getRecordComponents()).map(RecordComponent::getName).toList();
        assertThat(declared).isEqualTo(record);
        assertThat(FrameworkSettings.class.getAnnotation(Settings.class).prefix()).isEqualTo("brisk");
    }

    @Test
    void eachDeclaredConverterReadsTheRecordComponentsType() throws Exception {
        var rcs = FrameworkSettings.class.getRecordComponents();
        for (int i = 0; i < rcs.length; i++) {
            var p = (ParameterizedType) rcs[i].getGenericType();
            Class<?> element = (Class<?>) p.getActualTypeArguments()[0];
            var converter = FrameworkSettings.COMPONENTS.get(i).converter();
            Object value = converter.read(SAMPLE.get(element));
            if (p.getRawType() == Optional.class) {
                assertThat(value).as(rcs[i].getName()).isInstanceOf(Optional.class);
                assertThat(((Optional<?>) value).orElseThrow()).as(rcs[i].getName()).isInstanceOf(element);
                assertThat(converter.read(null)).as(rcs[i].getName()).isEqualTo(Optional.empty());
            } else {
                assertThat(p.getRawType()).isEqualTo(List.class);
                assertThat((List<?>) value).as(rcs[i].getName()).singleElement().isInstanceOf(element);
                assertThat(converter.read(null)).as(rcs[i].getName()).isEqualTo(List.of());
            }
        }
    }

    @Test
    void theWorkerKindsAreReadByTheirLowerCaseNamesAndAnyOtherIsNamedInTheError() throws Exception {
        var converter = FrameworkSettings.COMPONENTS.get(3).converter();
        assertThat(converter.read("virtual")).isEqualTo(Optional.of(FrameworkSettings.WorkerKind.VIRTUAL));
        assertThat(converter.read("auto")).isEqualTo(Optional.of(FrameworkSettings.WorkerKind.AUTO));
        try {
            converter.read("VIRTUAL");
            throw new AssertionError("VIRTUAL was accepted");
        } catch (ConversionException e) {
            assertThat(e.getMessage()).isEqualTo("Input should be 'auto', 'platform' or 'virtual'");
        }
    }
}
