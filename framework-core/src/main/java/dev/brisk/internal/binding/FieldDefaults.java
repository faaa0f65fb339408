package dev.brisk.internal.binding;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.brisk.Default;
import dev.brisk.internal.binding.BodyReader.Types;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * {@link Default} on record components: one reading of the annotation for the binder, the startup
 * checks and the OpenAPI document. A simple type's default is text read as a query value is; any
 * other type's is JSON.
 */
public final class FieldDefaults {
    private static final JsonFactory SYNTAX = new JsonFactory();

    private FieldDefaults() {
    }

    /** The {@code @Default} text on any of these elements, or null. */
    public static String raw(AnnotatedElement... elements) {
        for (var e : elements) {
            if (e == null) continue;
            var d = e.getAnnotation(Default.class);
            if (d != null) return d.value();
        }
        return null;
    }

    /** True when a default of this declared type is text (a simple type, or an {@code Optional} of one). */
    public static boolean isText(Type type) {
        Class<?> raw = Types.raw(type);
        if (raw == Optional.class) raw = Types.raw(Types.arg(type, 0));
        return Scalar.isScalar(raw);
    }

    /** The value of a text default ({@code Optional}s wrapped); the reason in an IllegalArgumentException when it does not convert. */
    public static Object text(Type type, String raw) {
        Class<?> c = Types.raw(type);
        boolean optional = c == Optional.class;
        if (optional) c = Types.raw(Types.arg(type, 0));
        try {
            Object v = Scalar.of(c).fromString(raw);
            return optional ? Optional.of(v) : v;
        } catch (ConversionException e) {
            throw new IllegalArgumentException("@Default(\"" + raw + "\") is not a valid " + c.getSimpleName() + " (" + e.getMessage() + ")");
        }
    }

    /** Checks that a JSON default is one well-formed, non-null JSON value (its shape is checked by the binder). */
    public static void checkJsonSyntax(String raw) {
        try (JsonParser p = SYNTAX.createParser(raw)) {
            JsonToken first = p.nextToken();
            if (first == null) throw new IllegalArgumentException("@Default(\"\") is empty; for this type it must be JSON");
            if (first == JsonToken.VALUE_NULL) {
                throw new IllegalArgumentException("@Default(\"null\"): a default cannot be null; declare the field Optional instead");
            }
            p.skipChildren();
            if (p.nextToken() != null) throw new IllegalArgumentException("@Default(\"" + raw + "\") has content after its JSON value");
        } catch (IOException e) {
            throw new IllegalArgumentException("@Default(\"" + raw + "\") is not JSON (" + firstLine(e.getMessage()) + ")");
        }
    }

    /** "record com.example.Todo component 'done'", for messages. */
    public static String describe(RecordComponent rc) {
        return "record " + rc.getDeclaringRecord().getName() + " component '" + rc.getName() + "'";
    }

    private static String firstLine(String s) {
        if (s == null) return "malformed";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
