package dev.brisk;

/**
 * A part of an optional Brisk module that an app turns on with {@link App.Builder#install(Feature...)},
 * e.g. {@code Metrics.prometheus()} of {@code brisk-observability}. Brisk's modules implement it;
 * applications only install it. An installed feature whose module does not take it up (its
 * extension is missing from the class path) makes {@link App.Builder#build()} fail.
 */
public interface Feature {
}
