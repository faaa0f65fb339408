package dev.brisk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a parameter to the JSON request body. Records and classes are bodies without this
 * annotation; use it for simple types, or with {@code embed = true} to expect the value under its
 * parameter name ({@code {"item": {...}}}), which is also the shape when a route has several bodies.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Body {
    /** The key of the value when embedded; defaults to the Java parameter name. */
    String value() default "";
    /** Expect the value under its name inside a JSON object. */
    boolean embed() default false;
}
