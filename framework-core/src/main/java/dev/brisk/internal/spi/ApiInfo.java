package dev.brisk.internal.spi;

import java.util.List;

/** What the app says about its API (OpenAPI {@code info} and {@code servers}). */
public record ApiInfo(String title, String version, String description, List<String> servers) {
}
