package dev.brisk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Binds a parameter to a path template variable, e.g. {@code {id}}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Path {
    /** The name on the wire; defaults to the Java parameter name. */
    String value() default "";
    /** Value used when the request carries none; makes the parameter optional. */
    String defaultValue() default Brisk.NO_DEFAULT;
}
