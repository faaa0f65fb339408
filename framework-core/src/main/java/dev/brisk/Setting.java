package dev.brisk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a component of a settings record or gives it a default, as {@code @Query} does for a
 * parameter: {@code @Setting(defaultValue = "8000") int port}, {@code @Setting("database.url") String db}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Setting {
    /**
     * The full name in property form, used as it is (the record's prefix is not added); the
     * environment variable is derived from it. Default: the prefix and the component's name in kebab case.
     */
    String value() default "";

    /** The value used when no source has one (text, read like any other); makes the setting optional. */
    String defaultValue() default Brisk.NO_DEFAULT;
}
