package dev.brisk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as a settings record and names its prefix: with {@code @Settings(prefix = "shop")},
 * the component {@code dbPassword} is the system property {@code shop.db-password} and the
 * environment variable {@code SHOP_DB_PASSWORD}. Without it (or with an empty prefix) the names have
 * no prefix. See {@link SettingsSource} for where values come from and in which order.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Settings {
    /** The prefix of every name, in property form ({@code "shop"}, {@code "shop.http"}); empty for none. */
    String prefix() default "";
}
