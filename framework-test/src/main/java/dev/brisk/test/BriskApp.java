package dev.brisk.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the static method (without parameters) or static field of a {@link BriskTest} class that
 * supplies its {@code App}. Needed only when the class has more than one static member of type {@code App}.
 */
@Target({ElementType.METHOD, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface BriskApp {
}
