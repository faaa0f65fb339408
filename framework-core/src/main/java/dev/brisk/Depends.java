package dev.brisk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks for a value produced by a {@link Provides} method (or an instance given to
 * {@link App.Builder#provide}) matched by the parameter's type, solved once per request.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Depends {
    /** Qualifier naming one of several providers of the same type. */
    String value() default "";
    /** Reuse the value produced earlier in the same request; {@code false} calls the provider again. */
    boolean useCache() default true;
}
