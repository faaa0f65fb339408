package dev.brisk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a class whose annotated methods are routes, all under a common prefix and tags. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Router {
    /** Path prefix of every route in the class, e.g. {@code "/items"}. */
    String prefix() default "";
    /** OpenAPI tags of every route in the class. */
    String[] tags() default {};
    /** Provider return types run for every route of the class, e.g. an auth check. */
    Class<?>[] dependencies() default {};
}
