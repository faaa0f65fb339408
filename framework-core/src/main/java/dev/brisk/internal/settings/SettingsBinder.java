package dev.brisk.internal.settings;

import dev.brisk.Brisk;
import dev.brisk.Secret;
import dev.brisk.Setting;
import dev.brisk.Settings;
import dev.brisk.internal.binding.ConversionException;
import dev.brisk.internal.binding.Scalar;
import dev.brisk.internal.binding.Validation;
import jakarta.validation.ConstraintViolation;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds a settings record from {@link Sources}: names, lookup order, conversion, defaults, Bean
 * Validation, and one report of every problem. Runs at startup only.
 */
public final class SettingsBinder {
    /** One missing or bad setting, already worded (never with a secret's text). */
    public record Problem(String component, String message) {
    }

    /** The bound record (null when there are problems) and the problems. */
    public record Result<T>(Class<T> type, T value, List<Problem> problems) {
    }

    /** One component: its names and how to read it. */
    record Component(String owner, String name, String property, String env, String defaultValue, Converter converter) {
    }

    /**
     * A component declared by hand, in the record's order (Brisk's own settings: reading the record's components,
     * generic types and annotations by reflection costs tens of milliseconds of a start).
     */
    public record Declared(String name, Converter converter) {
        /** {@code Optional<T>} of a simple type. */
        public static Declared optional(String name, Class<?> element) {
            return new Declared(name, Converter.optional(Element.of(element, name)));
        }

        /** {@code Optional<T>} read by {@code parse}. */
        public static Declared optional(String name, Element.Parse parse) {
            return new Declared(name, Converter.optional(new Element(parse, false)));
        }

        /** {@code List<T>} of a simple type (comma-separated). */
        public static Declared list(String name, Class<?> element) {
            return new Declared(name, Converter.collection(Element.of(element, name), false));
        }
    }

    private SettingsBinder() {
    }

    /** A check of one converted value, besides Bean Validation: the problem's text, or null. */
    @FunctionalInterface
    public interface Check {
        String problem(String component, Object value);
    }

    /** Makes a record from its converted components, in declaration order. */
    @FunctionalInterface
    public interface Factory<T> {
        T make(Object[] components);
    }

    /** Binds an app's settings record: made by reflection, checked by Bean Validation when it declares constraints. */
    public static <T> Result<T> bind(Class<T> type, Sources sources) {
        return bind(type, sources, (c, v) -> null, null);
    }

    /**
     * Binds {@code type}. Each value that converts is checked at once (Bean Validation of its
     * component, and {@code check}), so that one report names every bad value, converted or not.
     * With a {@code factory} (Brisk's own settings) neither Bean Validation nor reflection is used: at
     * startup, finding constraints and constructing by reflection cost tens of milliseconds.
     */
    public static <T> Result<T> bind(Class<T> type, Sources sources, Check check, Factory<T> factory) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException("settings type " + type.getName() + " must be a record");
        }
        RecordComponent[] rcs = type.getRecordComponents();
        String prefix = prefix(type);
        var components = new ArrayList<Component>(rcs.length);
        for (RecordComponent rc : rcs) components.add(component(rc, prefix));
        boolean constrained = factory == null && Validation.typeConstrained(type);
        var problems = new ArrayList<Problem>();
        Object[] args = read(type, components, sources, check, constrained, problems);
        if (!problems.isEmpty()) return new Result<>(type, null, List.copyOf(problems));
        if (factory != null) return new Result<>(type, factory.make(args), List.of());
        T value;
        try {
            Constructor<T> ctor = type.getDeclaredConstructor(java.util.Arrays.stream(rcs).map(RecordComponent::getType).toArray(Class<?>[]::new));
            ctor.setAccessible(true);
            value = ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            return new Result<>(type, null, List.of(new Problem(type.getSimpleName(), "the record refused the values: " + e.getCause().getMessage())));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot construct settings record " + type.getName() + ": " + e, e);
        }
        if (constrained) {
            // Class-level constraints, once every component is valid.
            for (ConstraintViolation<T> v : Validation.validator().validate(value)) {
                problems.add(new Problem(type.getSimpleName(), v.getMessage()));
            }
            if (!problems.isEmpty()) return new Result<>(type, null, List.copyOf(problems));
        }
        return new Result<>(type, value, List.of());
    }

    /**
     * Binds Brisk's own settings record from components declared by hand ({@code components}: every record
     * component, in order, under {@code prefix}), without reflection or Bean Validation.
     */
    public static <T> Result<T> bind(Class<T> type, String prefix, List<Declared> components, Sources sources, Check check, Factory<T> factory) {
        var shape = new ArrayList<Component>(components.size());
        for (Declared d : components) {
            String property = prefix + "." + kebab(d.name());
            shape.add(new Component(type.getSimpleName(), d.name(), property, envName(property), null, d.converter()));
        }
        var problems = new ArrayList<Problem>();
        Object[] args = read(type, shape, sources, check, false, problems);
        return problems.isEmpty() ? new Result<>(type, factory.make(args), List.of()) : new Result<>(type, null, List.copyOf(problems));
    }

    /** Looks up and converts every component; each problem is added to {@code problems}. */
    private static Object[] read(Class<?> type, List<Component> components, Sources sources, Check check, boolean constrained, List<Problem> problems) {
        var file = sources.readFile();
        if (file.problem() != null) problems.add(new Problem(type.getSimpleName(), file.problem()));
        Object[] args = new Object[components.size()];
        for (int i = 0; i < args.length; i++) {
            Component c = components.get(i);
            String where = c.owner() + "." + c.name();
            Found found = lookup(c, sources, file.values());
            try {
                args[i] = c.converter().read(found == null ? null : found.text());
                String own = check.problem(c.name(), args[i]);
                if (own != null) problems.add(new Problem(where, shown(c, found) + ": " + own));
                if (constrained) validate(type, c.name(), args[i], where, shown(c, found), problems);
            } catch (Missing m) {
                problems.add(new Problem(where, "missing: set the environment variable " + c.env() + " or the system property " + c.property()));
            } catch (ConversionException e) {
                problems.add(new Problem(where, shown(c, found) + ": " + e.getMessage()));
            }
        }
        return args;
    }

    private static <T> void validate(Class<T> type, String component, Object value, String where, String shown, List<Problem> problems) {
        try {
            for (ConstraintViolation<T> v : Validation.validator().validateValue(type, component, value)) {
                problems.add(new Problem(where, shown + ": " + v.getMessage()));
            }
        } catch (jakarta.validation.ValidationException e) {
            problems.add(new Problem(where, "its constraint does not apply to its type (" + e.getMessage()
                    + "); for an Optional or a List, put it on the type argument: Optional<@Pattern(...) String>"));
        }
    }

    /** The one message for every problem of these bindings, or null when there are none. */
    public static String describe(List<? extends Result<?>> results) {
        var all = new ArrayList<Problem>();
        for (var r : results) all.addAll(r.problems());
        if (all.isEmpty()) return null;
        var sb = new StringBuilder("settings are missing or invalid (").append(all.size()).append(all.size() == 1 ? " problem):" : " problems):");
        for (Problem p : all) sb.append("\n  ").append(p.component()).append(": ").append(p.message());
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------ names

    static String prefix(Class<?> type) {
        Settings s = type.getAnnotation(Settings.class);
        return s == null ? "" : s.prefix().strip();
    }

    static Component component(RecordComponent rc, String prefix) {
        Setting s = rc.getAnnotation(Setting.class);
        String property = s != null && !s.value().isBlank() ? s.value().strip()
                : prefix.isEmpty() ? kebab(rc.getName()) : prefix + "." + kebab(rc.getName());
        String def = s == null || Brisk.NO_DEFAULT.equals(s.defaultValue()) ? null : s.defaultValue();
        String owner = rc.getDeclaringRecord().getSimpleName();
        return new Component(owner, rc.getName(), property, envName(property), def, Converter.of(rc.getGenericType(), owner + "." + rc.getName()));
    }

    /** {@code dbPassword} -> {@code db-password}; {@code maxURLLength} -> {@code max-url-length}. */
    public static String kebab(String camel) {
        var sb = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char ch = camel.charAt(i);
            if (Character.isUpperCase(ch)) {
                boolean prevLower = i > 0 && !Character.isUpperCase(camel.charAt(i - 1));
                boolean nextLower = i + 1 < camel.length() && Character.isLowerCase(camel.charAt(i + 1));
                boolean prevUpper = i > 0 && Character.isUpperCase(camel.charAt(i - 1));
                if (i > 0 && (prevLower || prevUpper && nextLower)) sb.append('-');
                sb.append(Character.toLowerCase(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** {@code shop.db-password} -> {@code SHOP_DB_PASSWORD}: upper case, anything but letters and digits becomes {@code _}. */
    public static String envName(String property) {
        var sb = new StringBuilder(property.length());
        for (int i = 0; i < property.length(); i++) {
            char ch = property.charAt(i);
            sb.append(ch < 128 && Character.isLetterOrDigit(ch) ? Character.toUpperCase(ch) : '_');
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------ lookup

    /** A value and where it came from. */
    record Found(String text, String from) {
    }

    private static Found lookup(Component c, Sources s, Map<String, String> file) {
        String v = s.properties().get(c.property());
        if (present(v)) return new Found(v, "system property " + c.property());
        v = s.environment().get(c.env());
        if (present(v)) return new Found(v, "environment variable " + c.env());
        v = file.get(c.property());
        if (present(v)) return new Found(v, "file " + s.file().map(Object::toString).orElse("") + ", " + c.property());
        if (c.defaultValue() != null) return new Found(c.defaultValue(), "the default of " + c.owner() + "." + c.name());
        return null;
    }

    /** An empty value counts as not set (as {@code FOO=} in a container's environment usually means). */
    private static boolean present(String v) {
        return v != null && !v.isEmpty();
    }

    private static String shown(Component c, Found found) {
        if (found == null) return "not set";
        String text = c.converter().secret() ? "**********" : quoted(found.text());
        return text + " (" + found.from() + ")";
    }

    private static String quoted(String s) {
        String t = s.length() > 200 ? s.substring(0, 200) + "..." : s;
        return "\"" + t.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }

    // ------------------------------------------------------------------------------------ conversion

    /** Signals a required setting without a value. */
    static final class Missing extends Exception {
        private static final long serialVersionUID = 1L;

        Missing() {
            super(null, null, false, false);
        }
    }

    /** Text (null when not set) to a component's value. */
    public abstract static class Converter {
        abstract Object read(String text) throws Missing, ConversionException;

        boolean secret() {
            return false;
        }

        static Converter of(Type type, String where) {
            Class<?> raw = raw(type);
            if (raw == Optional.class) return optional(Element.of(arg(type, where), where));
            if (raw == List.class || raw == Set.class || raw == Collection.class) return collection(Element.of(arg(type, where), where), raw == Set.class);
            Element e = Element.of(type, where);
            return new Converter() {
                @Override Object read(String text) throws Missing, ConversionException {
                    if (text == null) throw new Missing();
                    return e.read(text);
                }

                @Override boolean secret() {
                    return e.secret;
                }
            };
        }

        static Converter optional(Element e) {
            return new Converter() {
                @Override Object read(String text) throws ConversionException {
                    return text == null ? Optional.empty() : Optional.of(e.read(text));
                }

                @Override boolean secret() {
                    return e.secret;
                }
            };
        }

        static Converter collection(Element e, boolean set) {
            return new Converter() {
                @Override Object read(String text) throws ConversionException {
                    Collection<Object> out = set ? new LinkedHashSet<>() : new ArrayList<>();
                    if (text != null) {
                        int i = 0;
                        for (String part : text.split(",", -1)) {
                            String item = part.strip();
                            if (item.isEmpty()) continue;
                            try {
                                out.add(e.read(item));
                            } catch (ConversionException ex) {
                                throw new ConversionException(ex.type(), "item " + i + " (" + (e.secret ? "**********" : quoted(item)) + "): " + ex.getMessage());
                            }
                            i++;
                        }
                    }
                    return set ? Set.copyOf(out) : List.copyOf(out);
                }

                @Override boolean secret() {
                    return e.secret;
                }
            };
        }
    }

    /** One value of a simple type. */
    public static final class Element {
        /** Text to a value. */
        public interface Parse {
            Object parse(String s) throws ConversionException;
        }

        final Parse parse;
        final boolean secret;

        private Element(Parse parse, boolean secret) {
            this.parse = parse;
            this.secret = secret;
        }

        Object read(String s) throws ConversionException {
            return parse.parse(s);
        }

        static Element of(Type type, String where) {
            Class<?> c = raw(type);
            if (c == Secret.class) return new Element(Secret::of, true);
            if (c == Duration.class) return new Element(DurationText::parse, false);
            if (c == URI.class) {
                return new Element(s -> {
                    try {
                        return new URI(s.strip());
                    } catch (URISyntaxException e) {
                        throw new ConversionException("url_parsing", "Input should be a valid URL, " + e.getReason());
                    }
                }, false);
            }
            if (c == java.nio.file.Path.class) {
                return new Element(s -> {
                    try {
                        return java.nio.file.Path.of(s);
                    } catch (InvalidPathException e) {
                        throw new ConversionException("path_type", "Input should be a valid path, " + e.getReason());
                    }
                }, false);
            }
            if (Scalar.isScalar(c)) {
                Scalar scalar = Scalar.of(c);
                return new Element(scalar::fromString, false);
            }
            throw new IllegalArgumentException(where + ": a setting cannot be of type " + type.getTypeName()
                    + " (use a number, boolean, String, enum, UUID, java.time value, Duration, URI, Path, Secret, or an Optional, List or Set of one)");
        }
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) return c;
        if (t instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        return Object.class;
    }

    private static Type arg(Type t, String where) {
        if (t instanceof ParameterizedType p) return p.getActualTypeArguments()[0];
        throw new IllegalArgumentException(where + ": say what it holds, e.g. Optional<String> or List<String>");
    }
}
