package dev.brisk.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.util.LRUMap;
import com.fasterxml.jackson.databind.util.LookupCache;
import com.fasterxml.jackson.databind.util.StdDateFormat;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

import java.time.format.DateTimeFormatter;
import java.util.logging.LogManager;

/** The one Jackson configuration Brisk reads and writes with. */
public final class Json {
    /** Deepest accepted nesting of a request body. */
    public static final int MAX_NESTING = 200;
    /** Longest accepted number literal (digits). */
    public static final int MAX_NUMBER_LENGTH = 1000;
    /** Longest accepted string value. */
    public static final int MAX_STRING_LENGTH = 10 * 1024 * 1024;

    private Json() {
    }

    /**
     * Initialises Jackson's mapper classes ahead of {@link #create}, e.g. while the settings that give its
     * limit are still being read: {@code ObjectMapper}'s own initialisation is most of a cold mapper's cost.
     */
    public static void initialiseClasses() {
        for (Class<?> c : new Class<?>[] {JsonMapper.class, BlackbirdModule.class, JavaTimeModule.class, Jdk8Module.class}) initialise(c);
    }

    /**
     * Initialises, ahead of {@link #initialiseClasses} and on another thread, the JDK's parts that a mapper's
     * making reaches only late and that cost the most of it: {@code ObjectMapper}'s default date format
     * ({@code StdDateFormat}, whose calendar loads the JDK's locale data), {@code java.util.logging} (Blackbird
     * logs through it) and {@code java.time}'s formatters (JavaTimeModule's). None of them needs a class of the
     * mapper's, so the two threads cannot wait on each other's class initialisation.
     */
    public static void initialiseJdkClasses() {
        initialise(StdDateFormat.class);
        LogManager.getLogManager();
        DateTimeFormatter.ISO_INSTANT.getZone();
    }

    private static void initialise(Class<?> c) {
        try {
            Class.forName(c.getName(), true, c.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);   // cannot happen: the class is loaded already
        }
    }

    /** A mapper with explicit limits for hostile input and no polymorphic typing from the wire. */
    public static ObjectMapper create(long maxDocumentLength) {
        return create(factory(maxDocumentLength));
    }

    /**
     * The streaming factory with those limits: all that reading and writing plain values needs (no databind
     * class is initialised by it). The mapper of {@link #create(JsonFactory)} then uses the same factory.
     */
    public static JsonFactory factory(long maxDocumentLength) {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNameLength(50_000)
                        .maxDocumentLength(Math.max(maxDocumentLength, 1))
                        .build())
                .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(1000).build())
                .build();
    }

    /** The mapper over {@code factory} (which it takes as its own: it becomes the factory's codec). */
    public static ObjectMapper create(JsonFactory factory) {
        return JsonMapper.builder(factory)
                // A type cache of its own: the shared default one would keep the app's classes (in dev mode,
                // an old generation's loader) reachable after the app is gone. First: modules add type
                // modifiers (Optional's, in Jdk8Module) to the factory set here.
                .typeFactory(TypeFactory.defaultInstance().withCache((LookupCache<Object, JavaType>) new LRUMap<Object, JavaType>(16, 200)))
                .addModule(new BlackbirdModule())
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .build();
    }
}
