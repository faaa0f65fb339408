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
 * @param credential the value is a secret (a token, password or API key read by a security scheme): never
 *                   logged, never part of a cache key; the OpenAPI document describes header, query and
 *                   cookie credentials by their security scheme, not as parameters
 */
public record ParamDef(int index, ParamKind kind, String javaName, String wireName, Type type, Class<?> valueType,
                       Container container, boolean required, String defaultValue, boolean embed,
                       Parameter element, ProviderDef dependency, boolean useCache, boolean credential) {

    /** A parameter that is not a credential. */
    public ParamDef(int index, ParamKind kind, String javaName, String wireName, Type type, Class<?> valueType,
                    Container container, boolean required, String defaultValue, boolean embed,
                    Parameter element, ProviderDef dependency, boolean useCache) {
        this(index, kind, javaName, wireName, type, valueType, container, required, defaultValue, embed, element,
                dependency, useCache, false);
    }

    /** This parameter, marked as a credential. */
    public ParamDef asCredential() {
        return new ParamDef(index, kind, javaName, wireName, type, valueType, container, required, defaultValue, embed,
                element, dependency, useCache, true);
    }

    /** How a parameter's value type is wrapped. */
    public enum Container { NONE, OPTIONAL, LIST, SET }

    /** The annotations (constraints, docs) of the parameter. */
    public AnnotatedElement annotated() {
        return element;
    }
}
