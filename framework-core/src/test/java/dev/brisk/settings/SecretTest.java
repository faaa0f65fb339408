package dev.brisk.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brisk.Secret;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A Secret prints as a mask, in a record's toString and in JSON; its value is only given on request. */
class SecretTest {
    record Db(String user, Secret password) {}

    @Test
    void neverPrinted() throws Exception {
        var db = new Db("shop", Secret.of("hunter2"));
        assertThat(db.toString()).isEqualTo("Db[user=shop, password=**********]");
        assertThat(new ObjectMapper().writeValueAsString(db)).isEqualTo("{\"user\":\"shop\",\"password\":\"**********\"}");
        assertThat(db.password().value()).isEqualTo("hunter2");
        assertThat(Secret.of("a")).isEqualTo(Secret.of("a")).isNotEqualTo(Secret.of("b"));
        assertThat(Secret.of("a").hashCode()).isEqualTo(Secret.of("b").hashCode());
    }
}
