package dev.brisk.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Jackson for one app: the streaming factory at once, databind's mapper only when something first needs it.
 * Making a mapper in a cold JVM costs ~0.1 s of CPU (its classes, the JDK's locale data that its default date
 * format loads, Blackbird), which an app whose routes read and write plain values only never has to pay before
 * its first response (see {@link PlainJson}).
 */
public interface JsonSupport {
    /** The factory every generator and parser of the app comes from (the mapper, once made, uses it too). */
    JsonFactory factory();

    /** Databind's mapper, made (or waited for) on the first call. */
    ObjectMapper mapper();

    /** Whether the mapper has been made (a call to {@link #mapper()} would not wait). */
    boolean mapperMade();

    /** An app whose mapper is made already. */
    static JsonSupport of(ObjectMapper mapper) {
        return new JsonSupport() {
            @Override public JsonFactory factory() { return mapper.getFactory(); }
            @Override public ObjectMapper mapper() { return mapper; }
            @Override public boolean mapperMade() { return true; }
        };
    }
}
