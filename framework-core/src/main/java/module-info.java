/**
 * Brisk's core: the user-facing API in {@code dev.brisk}, and the framework behind it. The
 * {@code dev.brisk.internal.*} packages are open only to Brisk's own modules.
 */
@SuppressWarnings("module")   // the Brisk modules named below are compiled after this one
module dev.brisk {
    requires transitive jakarta.validation;
    requires io.netty.buffer;
    requires io.netty.codec;
    requires io.netty.codec.compression;
    requires io.netty.codec.http;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.transport;
    requires io.netty.transport.classes.epoll;
    requires io.netty.transport.unix.common;
    requires com.fasterxml.jackson.annotation;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jdk8;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires com.fasterxml.jackson.module.blackbird;
    requires org.hibernate.validator;
    requires io.github.classgraph;
    requires org.slf4j;
    requires static jdk.jfr;
    requires java.logging;   // quieting Hibernate Validator's version line (JBoss Logging may log through it)
    // dev mode recompiles sources when it runs on a JDK (mvn brisk:dev)
    requires static java.compiler;

    exports dev.brisk;
    exports dev.brisk.security;

    exports dev.brisk.internal.app to dev.brisk.openapi, dev.brisk.test, dev.brisk.cache, dev.brisk.observability;
    exports dev.brisk.internal.binding to dev.brisk.openapi, dev.brisk.test;
    exports dev.brisk.internal.dispatch to dev.brisk.openapi, dev.brisk.test, dev.brisk.cache, dev.brisk.observability;
    exports dev.brisk.internal.files to dev.brisk.openapi;
    exports dev.brisk.internal.http to dev.brisk.openapi, dev.brisk.test, dev.brisk.cache, dev.brisk.observability;
    exports dev.brisk.internal.json to dev.brisk.openapi, dev.brisk.test;
    exports dev.brisk.internal.model to dev.brisk.openapi, dev.brisk.test, dev.brisk.cache, dev.brisk.observability;
    exports dev.brisk.internal.netty to dev.brisk.openapi, dev.brisk.test;
    exports dev.brisk.internal.routing to dev.brisk.openapi, dev.brisk.test;
    exports dev.brisk.internal.security to dev.brisk.openapi, dev.brisk.test;
    exports dev.brisk.internal.scan to dev.brisk.openapi, dev.brisk.test;
    exports dev.brisk.internal.spi to dev.brisk.openapi, dev.brisk.test, dev.brisk.cache, dev.brisk.observability;

    // Jackson writes Brisk's own error bodies; Hibernate Validator reads its constraint annotations.
    opens dev.brisk to com.fasterxml.jackson.databind, org.hibernate.validator;
    // Hibernate Validator checks the parameters of the OAuth2 password form's providers.
    opens dev.brisk.internal.security to org.hibernate.validator;

    uses dev.brisk.internal.spi.Extension;
}
