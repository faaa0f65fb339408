package dev.brisk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Binds a parameter to a query-string value; a {@code List} or {@code Set} collects repeated keys. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Query {
    /** The name on the wire; defaults to the Java parameter name. */
    String value() default "";
    /** Value used when the request carries none; makes the parameter optional. */
    String defaultValue() default Brisk.NO_DEFAULT;
}
