package dev.brisk;

/** Constants shared by the annotations. */
public final class Brisk {
    /** Marker for "no default value" in {@code defaultValue} attributes. */
    public static final String NO_DEFAULT = "\u0000brisk:no-default\u0000";

    private Brisk() {
    }
}
