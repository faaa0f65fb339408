/** The OpenAPI document of a Brisk app, and the pages that show it ({@code /docs}, {@code /redoc}). */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})   // swagger-core has no module-info
module dev.brisk.openapi {
    requires transitive dev.brisk;
    requires transitive io.swagger.v3.oas.models;
    requires io.swagger.v3.core;
    requires org.hibernate.validator;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports dev.brisk.openapi;

    provides dev.brisk.internal.spi.Extension with dev.brisk.openapi.internal.DocsExtension;
}
