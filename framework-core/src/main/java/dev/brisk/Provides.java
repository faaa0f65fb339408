package dev.brisk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method (static, or on a route class or provided instance) that produces the value of
 * {@link Depends} parameters of its return type. Its parameters are bound like a handler's. A
 * returned {@link AutoCloseable} is closed after the response has been sent.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Provides {
    /** Qualifier, needed only when several providers return the same type. */
    String value() default "";
}
