package dev.brisk.internal.model;

/**
 * A provider that Brisk implements itself rather than a {@code @Provides} method (a security scheme,
 * {@code SecurityScopes}): called with the matched route and the bound values of
 * {@link ProviderDef#params()}, in that order.
 */
@FunctionalInterface
public interface ProviderBody {
    /** The provided value; {@code route} is null when the request matched no route of the model. */
    Object apply(RouteDef route, Object[] args) throws Exception;
}
