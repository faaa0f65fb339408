package dev.brisk.settings;

import dev.brisk.Secret;
import dev.brisk.Setting;
import dev.brisk.SettingsSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings text becomes typed values with the parameters' rules, plus durations, URIs, paths, secrets and lists. */
class SettingsConversionTest {
    enum Mode { fast, safe }

    record All(int count, long big, double ratio, boolean flag, Boolean maybe, Mode mode, UUID id, LocalDate day, BigDecimal price,
               Duration timeout, URI cacheUrl, Path dataDir, Secret apiKey, List<Integer> ports, Set<String> tags,
               Optional<Duration> grace, List<Mode> modes, char letter) {}

    @Test
    void everySupportedType() {
        var env = Map.ofEntries(
                Map.entry("COUNT", " 42 "), Map.entry("BIG", "9000000000"), Map.entry("RATIO", "0.25"), Map.entry("FLAG", "yes"),
                Map.entry("MAYBE", "OFF"), Map.entry("MODE", "safe"), Map.entry("ID", "123e4567-e89b-12d3-a456-426614174000"),
                Map.entry("DAY", "2026-12-01"), Map.entry("PRICE", "9.99"), Map.entry("TIMEOUT", "1500ms"),
                Map.entry("CACHE_URL", "redis://cache:6379/0"), Map.entry("DATA_DIR", "/var/lib/shop"), Map.entry("API_KEY", "k-123"),
                Map.entry("PORTS", "80, 443,,8080"), Map.entry("TAGS", "a,b,a"), Map.entry("GRACE", "PT2M"), Map.entry("MODES", "fast,safe"),
                Map.entry("LETTER", "x"));
        All a = SettingsSource.of(env, Map.of()).bind(All.class);
        assertThat(a.count()).isEqualTo(42);
        assertThat(a.big()).isEqualTo(9_000_000_000L);
        assertThat(a.ratio()).isEqualTo(0.25);
        assertThat(a.flag()).isTrue();
        assertThat(a.maybe()).isFalse();
        assertThat(a.mode()).isEqualTo(Mode.safe);
        assertThat(a.id()).isEqualTo(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        assertThat(a.day()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(a.price()).isEqualByComparingTo("9.99");
        assertThat(a.timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(a.cacheUrl()).isEqualTo(URI.create("redis://cache:6379/0"));
        assertThat(a.dataDir()).isEqualTo(Path.of("/var/lib/shop"));
        assertThat(a.apiKey().value()).isEqualTo("k-123");
        assertThat(a.ports()).containsExactly(80, 443, 8080);
        assertThat(a.tags()).containsExactlyInAnyOrder("a", "b");
        assertThat(a.grace()).contains(Duration.ofMinutes(2));
        assertThat(a.modes()).containsExactly(Mode.fast, Mode.safe);
        assertThat(a.letter()).isEqualTo('x');
    }

    record Durations(@Setting(defaultValue = "0s") Duration d) {}

    @Test
    void durationsInEveryUnitAndIso8601() {
        var cases = Map.of("250ns", Duration.ofNanos(250), "7us", Duration.ofNanos(7000), "30s", Duration.ofSeconds(30),
                "5m", Duration.ofMinutes(5), "2h", Duration.ofHours(2), "1d", Duration.ofDays(1), "PT1H30M", Duration.ofMinutes(90),
                "-5s", Duration.ofSeconds(-5), "10 s", Duration.ofSeconds(10));
        cases.forEach((text, expected) ->
                assertThat(SettingsSource.of(Map.of("D", text), Map.of()).bind(Durations.class).d()).as(text).isEqualTo(expected));
        assertThat(SettingsSource.of(Map.of(), Map.of()).bind(Durations.class).d()).isEqualTo(Duration.ZERO);
    }
}
