package dev.brisk.internal.binding;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * The body fields of a record or class, in declaration order, with their JSON names and types;
 * read by reflection once per class (used when reporting and ordering errors).
 */
public final class FieldNames {
    /** One field. */
    public record FieldInfo(String javaName, String jsonName, int position, Type type) {
    }

    /** Per class, kept with the class (a map would keep an app's records, and in dev mode an old generation's loader, reachable). */
    private static final ClassValue<FieldNames> CACHE = new ClassValue<>() {
        @Override
        protected FieldNames computeValue(Class<?> c) {
            return new FieldNames(c);
        }
    };

    private final Map<String, FieldInfo> byJava = new HashMap<>();
    private final Map<String, FieldInfo> byJson = new HashMap<>();

    private FieldNames(Class<?> c) {
        var list = new ArrayList<FieldInfo>();
        if (c.isRecord()) {
            var comps = c.getRecordComponents();
            for (int i = 0; i < comps.length; i++) {
                var rc = comps[i];
                list.add(new FieldInfo(rc.getName(), BodyReader.jsonName(rc.getName(), rc, field(rc), rc.getAccessor()), i, rc.getGenericType()));
            }
        } else {
            int i = 0;
            var chain = new ArrayList<Class<?>>();
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) chain.add(0, k);
            for (Class<?> k : chain) {
                for (Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers())) continue;
                    list.add(new FieldInfo(f.getName(), BodyReader.jsonName(f.getName(), f), i++, f.getGenericType()));
                }
            }
        }
        for (var fi : list) {
            byJava.putIfAbsent(fi.javaName(), fi);
            byJson.putIfAbsent(fi.jsonName(), fi);
        }
    }

    /** The private field behind a record component (every record has one), or null if it cannot be found. */
    static Field field(RecordComponent rc) {
        try {
            return rc.getDeclaringRecord().getDeclaredField(rc.getName());
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    public static FieldNames of(Class<?> c) {
        return CACHE.get(c);
    }

    /** By Java name, or null. */
    public FieldInfo java(String name) {
        return byJava.get(name);
    }

    /** By JSON name, or null. */
    public FieldInfo json(String name) {
        return byJson.get(name);
    }
}
