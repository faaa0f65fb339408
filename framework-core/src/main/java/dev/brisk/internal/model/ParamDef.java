package dev.brisk.internal.model;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;

/**
 * One parameter of a handler or provider, as inferred at startup. The runtime binder and the OpenAPI
 * generator both read this.
 *
 * @param index position in the method's parameter list
 * @param kind where the value comes from
 * @param javaName the Java parameter name
 * @param wireName the name on the wire (header names lower-case with dashes); for an unembedded body, the Java name
 * @param type the full generic type, e.g. {@code Optional<List<Integer>>}
 * @param valueType the scalar/element type after unwrapping {@code Optional}, {@code List}, {@code Set}
 * @param container how {@code valueType} is wrapped
 * @param required whether absence is an error
 * @param defaultValue the raw default ({@code null} if none)
 * @param embed for bodies: read from {@code {"wireName": ...}} rather than the whole body
 * @param element the annotated element (for constraints and documentation)
 * @param dependency for {@link ParamKind#DEPENDS}: the provider
 * @param useCache for {@link ParamKind#DEPENDS}: reuse a value computed earlier in the request
 */
public record ParamDef(int index, ParamKind kind, String javaName, String wireName, Type type, Class<?> valueType,
                       Container container, boolean required, String defaultValue, boolean embed,
                       Parameter element, ProviderDef dependency, boolean useCache) {

    /** How a parameter's value type is wrapped. */
    public enum Container { NONE, OPTIONAL, LIST, SET }

    /** The annotations (constraints, docs) of the parameter. */
    public AnnotatedElement annotated() {
        return element;
    }
}
