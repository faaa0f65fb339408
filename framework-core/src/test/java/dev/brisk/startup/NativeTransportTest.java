package dev.brisk.startup;

import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The native epoll transport loads on Linux x86_64. Its native library comes from an older Netty
 * patch release than the Java classes (see the root pom); if the two stopped fitting, the server
 * would quietly fall back to NIO, so this fails the build instead.
 */
class NativeTransportTest {
    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = {"amd64", "x86_64"})
    void epollIsAvailable() {
        assertThat(Epoll.unavailabilityCause()).isNull();
        assertThat(Epoll.isAvailable()).isTrue();
    }
}
