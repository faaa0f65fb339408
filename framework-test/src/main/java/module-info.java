/** Testing Brisk apps in-process: the {@code TestClient}, a JUnit 5 extension and AssertJ assertions. */
module dev.brisk.test {
    requires transitive dev.brisk;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;
    requires io.netty.buffer;
    requires io.netty.codec.http;
    requires io.netty.common;
    requires io.netty.transport;
    requires com.fasterxml.jackson.databind;

    exports dev.brisk.test;
    opens dev.brisk.test to org.junit.platform.commons;
}
