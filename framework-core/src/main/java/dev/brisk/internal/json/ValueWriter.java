package dev.brisk.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.IOException;

/** Writes one value of a known type to a generator: Brisk's own writer of plain values, or Jackson's. */
@FunctionalInterface
public interface ValueWriter {
    void write(JsonGenerator g, Object value) throws IOException;

    /** Jackson's writer for a type. */
    static ValueWriter of(ObjectWriter writer) {
        return writer::writeValue;
    }
}
