package dev.brisk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps a method to HTTP {@code POST} requests on a path relative to the class's {@link Router#prefix()}.
 * See {@link Get} for the meaning of each attribute.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Post {
    /** Path template relative to the router prefix, e.g. {@code "/{id}"}; empty means the prefix itself. */
    String value() default "";
    /** Status of a successful response; 0 means 200, or 204 for a {@code void} method. */
    int status() default 0;
    /** Short summary for OpenAPI; defaults to the method name in title case. */
    String summary() default "";
    /** Longer description for OpenAPI. */
    String description() default "";
    /** OpenAPI tags, added to the router's tags. */
    String[] tags() default {};
    /** Marks the operation deprecated in OpenAPI. */
    boolean deprecated() default false;
    /** OpenAPI operationId; defaults to the method name (made unique). */
    String operationId() default "";
    /** Leaves the route out of the OpenAPI document (it is still served). */
    boolean hidden() default false;
}
