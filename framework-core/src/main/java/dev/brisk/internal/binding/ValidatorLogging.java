package dev.brisk.internal.binding;

import java.util.logging.Level;

/**
 * Keeps Hibernate Validator's "HV000001: Hibernate Validator x.y.z" INFO line out of every app's
 * startup. It comes from one logger category, {@code org.hibernate.validator.internal.util.Version},
 * which logs nothing else: only that category is raised to WARN, and only when the app's logging
 * configuration has not set its level itself, so every other Hibernate Validator message (warnings
 * about constraints, deprecations) still shows. Hibernate Validator logs through JBoss Logging, which
 * writes to java.util.logging unless Log4j 2 or Logback is present; those two are handled through
 * their own APIs, found reflectively (neither is a dependency of Brisk).
 */
final class ValidatorLogging {
    static final String VERSION_CATEGORY = "org.hibernate.validator.internal.util.Version";

    // java.util.logging keeps loggers weakly: a configured level lasts only while someone holds the logger.
    private static java.util.logging.Logger julVersionLogger;

    private ValidatorLogging() {
    }

    /** Call before Hibernate Validator is first bootstrapped (its version line is logged once, when the class loads). */
    static synchronized void quietVersionLine() {
        if (julVersionLogger != null) return;
        var jul = java.util.logging.Logger.getLogger(VERSION_CATEGORY);
        if (jul.getLevel() == null) jul.setLevel(Level.WARNING);
        julVersionLogger = jul;
        ClassLoader cl = ValidatorLogging.class.getClassLoader();
        try {
            quietLogback(cl);
            quietLog4j2(cl);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // an unexpected version of either: leave its configuration alone
        }
    }

    private static void quietLogback(ClassLoader cl) throws ReflectiveOperationException {
        Class<?> logbackLogger;
        try {
            logbackLogger = Class.forName("ch.qos.logback.classic.Logger", false, cl);
        } catch (ClassNotFoundException e) {
            return;
        }
        Object logger = Class.forName("org.slf4j.LoggerFactory", true, cl).getMethod("getLogger", String.class).invoke(null, VERSION_CATEGORY);
        if (!logbackLogger.isInstance(logger) || logbackLogger.getMethod("getLevel").invoke(logger) != null) return;
        Class<?> level = Class.forName("ch.qos.logback.classic.Level", true, cl);
        logbackLogger.getMethod("setLevel", level).invoke(logger, level.getField("WARN").get(null));
    }

    private static void quietLog4j2(ClassLoader cl) throws ReflectiveOperationException {
        Class<?> configurator;
        try {
            configurator = Class.forName("org.apache.logging.log4j.core.config.Configurator", false, cl);
        } catch (ClassNotFoundException e) {
            return;
        }
        Object context = Class.forName("org.apache.logging.log4j.LogManager", true, cl).getMethod("getContext", boolean.class).invoke(null, false);
        Object config = context.getClass().getMethod("getConfiguration").invoke(context);
        Object loggerConfig = config.getClass().getMethod("getLoggerConfig", String.class).invoke(config, VERSION_CATEGORY);
        // getLoggerConfig answers the nearest configured ancestor: the category itself only if the app configured it
        if (VERSION_CATEGORY.equals(loggerConfig.getClass().getMethod("getName").invoke(loggerConfig))) return;
        Class<?> level = Class.forName("org.apache.logging.log4j.Level", true, cl);
        configurator.getMethod("setLevel", String.class, level).invoke(null, VERSION_CATEGORY, level.getField("WARN").get(null));
    }
}
