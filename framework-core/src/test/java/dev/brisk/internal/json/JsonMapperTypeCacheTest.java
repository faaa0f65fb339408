package dev.brisk.internal.json;

import com.fasterxml.jackson.databind.type.TypeFactory;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each app's mapper has a type cache of its own (Jackson's shared one would keep the app's classes,
 * and in dev mode old generations, reachable), and the modules' type modifiers are on it:
 * {@code Optional} fields are written as their value.
 */
class JsonMapperTypeCacheTest {
    record WithOptional(String name, Optional<String> note) {
    }

    @Test
    void aMapperHasItsOwnTypeFactoryWithTheModulesModifiers() throws Exception {
        var mapper = Json.create(1 << 20);
        assertThat(mapper.getTypeFactory()).isNotSameAs(TypeFactory.defaultInstance());
        assertThat(mapper.writeValueAsString(new WithOptional("a", Optional.of("b")))).isEqualTo("{\"name\":\"a\",\"note\":\"b\"}");
        assertThat(mapper.writeValueAsString(new WithOptional("a", Optional.empty()))).isEqualTo("{\"name\":\"a\",\"note\":null}");
        assertThat(mapper.readValue("{\"name\":\"a\",\"note\":\"c\"}", WithOptional.class).note()).hasValue("c");
        assertThat(Json.create(1 << 20).getTypeFactory()).as("one per mapper").isNotSameAs(mapper.getTypeFactory());
    }
}
